/**
 * The Content-Disposition header of every download (published files, the audit log, the year
 * overview, a year's zip): an ASCII name for old clients and tools that read only `filename`, and
 * the Chinese name people see, as RFC 6266 / RFC 8187's `filename*` (every browser since 2012).
 */
export function attachmentDisposition(asciiName: string, name: string): string {
  // A quote, a backslash or anything outside printable ASCII would break the quoted fallback.
  const fallback = asciiName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  // encodeURIComponent leaves ' ( ) * as they are; RFC 8187 allows none of them unencoded.
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
