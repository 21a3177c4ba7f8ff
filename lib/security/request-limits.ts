import { MAX_UPLOAD_BYTES } from "../import/upload/limits";
import { securityMessages } from "../i18n/zh-CN/security";

/**
 * How large a request body may be (ASVS 12.1.1, 13.1.3), judged in proxy.ts from Content-Length
 * before anything reads it. A body sent without one (Transfer-Encoding: chunked) is counted in
 * proxy.ts from Next's copy of it, which next.config.js lets run a megabyte past the largest limit
 * (NEXT_PROXY_BODY_COPY): Next cuts a longer body short without a word, and only a copy longer than
 * the limit shows that the body was over it. Server actions are capped by Next at the limit too.
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
/** For next.config.js (serverActions.bodySizeLimit). */
export const NEXT_BODY_LIMIT = "11mb";
/** For next.config.js (proxyClientMaxBodySize): past every limit above, so going over one can be seen. */
export const NEXT_PROXY_BODY_COPY = "12mb";

const AUTOSAVE_PATH = /^\/api\/disclosures\/[^/]+\/content$/;

export function bodyLimit(method: string, contentType: string | null, pathname = ""): number | null {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;
  if (AUTOSAVE_PATH.test(pathname)) return MAX_UPLOAD_BODY_BYTES;
  if ((contentType ?? "").toLowerCase().includes("application/json")) return MAX_JSON_BODY_BYTES;
  return MAX_UPLOAD_BODY_BYTES;
}

const isUpload = (headers: Headers) =>
  (headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");

/** 413 in Chinese: an upload names the file limit and how large it is (at least), anything else the body limit. */
function tooLarge(headers: Headers, limit: number, size: { exactly: number } | { over: number }): Response {
  const error = !isUpload(headers)
    ? securityMessages.request.tooLarge(limit)
    : "exactly" in size
      ? securityMessages.upload.tooLarge("", size.exactly, MAX_UPLOAD_BYTES)
      : securityMessages.upload.tooLargeStreamed(size.over, MAX_UPLOAD_BYTES);
  return Response.json(
    { code: "invalid-input", error, fieldErrors: {} },
    { status: 413, headers: { "cache-control": "no-store" } },
  );
}

/** A 413 answer in Chinese when the announced body is over its limit; null when it may go on. */
export function oversizedBody(method: string, headers: Headers, pathname = ""): Response | null {
  const limit = bodyLimit(method, headers.get("content-type"), pathname);
  if (limit === null) return null;
  const announced = Number(headers.get("content-length") ?? "0");
  if (!Number.isFinite(announced) || announced <= limit) return null;
  return tooLarge(headers, limit, { exactly: announced });
}

/**
 * For a body whose size is not announced (no Content-Length): reads `body` — the proxy's copy —
 * counting, and stops as soon as it is past the limit. A 413 answer in Chinese then; null when the
 * body is within it (or has a Content-Length, judged by oversizedBody instead).
 */
export async function oversizedStream(
  method: string,
  headers: Headers,
  body: ReadableStream<Uint8Array> | null,
  pathname = "",
): Promise<Response | null> {
  const limit = bodyLimit(method, headers.get("content-type"), pathname);
  if (limit === null || headers.has("content-length") || !body) return null;
  const reader = body.getReader();
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return null;
      read += value.byteLength;
      if (read > limit) return tooLarge(headers, limit, { over: limit });
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
