import { securityMessages } from "../i18n/zh-CN/security";

/**
 * How large a request body may be (ASVS 12.1.1, 13.1.3), judged in proxy.ts from Content-Length
 * before anything reads it; next.config.js caps what Next buffers at the same size (server actions,
 * the proxy's body copy), so a body that lies about its length or has none is cut there.
 * - uploads (multipart to the import route, server actions carrying a sheet): a 10 MB file plus
 *   the form around it;
 * - JSON to the API: a whole disclosure is well under 1 MB; 2 MB leaves room;
 * - the editor's autosave (PUT /api/disclosures/<id>/content) carries the disclosure and the
 *   version it started from: as much as the upload it may have begun as, so the limit of uploads.
 * Pure.
 */
const MB = 1024 * 1024;
export const MAX_UPLOAD_BODY_BYTES = 11 * MB;
export const MAX_JSON_BODY_BYTES = 2 * MB;
/** For next.config.js (serverActions.bodySizeLimit, proxyClientMaxBodySize). */
export const NEXT_BODY_LIMIT = "11mb";

const AUTOSAVE_PATH = /^\/api\/disclosures\/[^/]+\/content$/;

export function bodyLimit(method: string, contentType: string | null, pathname = ""): number | null {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;
  if (AUTOSAVE_PATH.test(pathname)) return MAX_UPLOAD_BODY_BYTES;
  if ((contentType ?? "").toLowerCase().includes("application/json")) return MAX_JSON_BODY_BYTES;
  return MAX_UPLOAD_BODY_BYTES;
}

/** A 413 answer in Chinese when the announced body is over its limit; null when it may go on. */
export function oversizedBody(method: string, headers: Headers, pathname = ""): Response | null {
  const limit = bodyLimit(method, headers.get("content-type"), pathname);
  if (limit === null) return null;
  const announced = Number(headers.get("content-length") ?? "0");
  if (!Number.isFinite(announced) || announced <= limit) return null;
  return Response.json({ code: "invalid-input", error: securityMessages.request.tooLarge(limit), fieldErrors: {} }, { status: 413, headers: { "cache-control": "no-store" } });
}
