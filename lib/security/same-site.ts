/**
 * Which site a request came from and which it reached, read from its headers the same way
 * wherever it matters: proxy.ts (server actions), the route handlers (app/_server/route.ts) and
 * the sign-in page (where to return to). Behind a reverse proxy the host the browser used is in
 * X-Forwarded-Host (README, production). Pure.
 */

type RequestLike = { method: string; headers: Headers };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The host the browser addressed: X-Forwarded-Host's first entry behind a proxy, else Host. */
export function requestHost(headers: Headers): string | null {
  return headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
}

/** This site's origin as the browser sees it (scheme from X-Forwarded-Proto behind a proxy). */
export function siteOrigin(headers: Headers, fallback = "http://localhost"): string {
  const host = requestHost(headers);
  if (!host) return fallback;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return fallback;
  }
}

/**
 * A write sent by a page of another site (CSRF): its Origin names another host than the one it
 * was sent to (ASVS V3.5). The session cookie is SameSite=Lax and a JSON PUT needs a CORS
 * preflight nobody answers, so for the API this is the third fence; for server actions it is
 * Next's own check, made in proxy.ts first so the answer is a 403 in Chinese rather than Next's 500.
 * Requests without Origin (same-origin GETs, scripts, the tests) go on.
 */
export function crossSiteWrite(req: RequestLike): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  const origin = req.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== requestHost(req.headers);
  } catch {
    return true; // "null" (a sandboxed frame, a file) or garbage
  }
}
