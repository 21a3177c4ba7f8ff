import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "./app/_server/auth-secret";
import { sameOriginPath } from "./lib/auth/return-path";
import { readSessionCookie } from "./lib/auth/session-cookie";
import { nowInSeconds, sessionPolicyFromEnv } from "./lib/auth/session-policy";
import { encodeSessionToken, SESSION_COOKIE_NAMES } from "./lib/auth/session-token";
import { contentSecurityPolicy, makeNonce } from "./lib/security/headers";
import { zhCN } from "./lib/i18n/zh-CN";
import { oversizedBody, oversizedStream } from "./lib/security/request-limits";
import { crossSiteWrite } from "./lib/security/same-site";

/**
 * Runs before every page, server action and API request (not static files):
 * 0. a write from another site, and a body over its limit, are refused (403, 413) before anything
 *    else looks at them;
 * 1. a fresh CSP nonce: the Content-Security-Policy goes on the request (Next reads the nonce from
 *    it and puts it on its scripts) and on the response;
 * 2. the session clock: a session idle for 30 minutes (SESSION_IDLE_MINUTES) or older than its
 *    absolute limit (SESSION_MAX_HOURS) is ended here — its cookie is cleared and a page visit goes
 *    to /signin saying why; an active one has its last-seen time refreshed (at most once a minute);
 * 3. the anonymous are sent to /signin before a signed-in-only page renders, keeping where they
 *    were going.
 * Whether the session's user still exists, is enabled and has not changed their password since
 * (session_version) is checked by the page, action or route itself (app/_server/session.ts), as is
 * every permission: this file only reads the cookie.
 */
const PROTECTED = [
  /^\/home$/,
  /^\/workbench(\/|$)/,
  /^\/review(\/|$)/,
  /^\/admin(\/|$)/,
  /^\/account(\/|$)/,
  /^\/notices(\/|$)/,
  /^\/signout$/,
];

const CHANGE_PASSWORD_PATH = "/account/password";
const NO_PASSWORD_DETOUR = [/^\/account\/password$/, /^\/signin$/, /^\/signout$/, /^\/api\//];

const isProtectedPage = (pathname: string) => PROTECTED.some((re) => re.test(pathname));

function toSignIn(request: NextRequest, error?: string): NextResponse {
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = "";
  // A request for "//evil.example/x" reaches this site, but as a place to return to it is another.
  const back = sameOriginPath(`${request.nextUrl.pathname}${request.nextUrl.search}`, request.nextUrl.origin);
  if (back) url.searchParams.set("callbackUrl", back);
  if (error) url.searchParams.set("error", error);
  return NextResponse.redirect(url);
}

type SessionState =
  | { kind: "none" }
  | { kind: "ended"; reason: "SessionIdle" | "SessionExpired" }
  | { kind: "active"; refreshed: string | null; mustChangePassword: boolean };

async function sessionState(cookieName: string | undefined, value: string | undefined): Promise<SessionState> {
  if (!cookieName) return { kind: "none" };
  const secret = authSecret();
  const policy = sessionPolicyFromEnv();
  const now = nowInSeconds();
  const read = await readSessionCookie(value, secret, policy, now);
  if (read.kind !== "active") return read;
  const mustChangePassword = read.claims.mcp === true;
  if (!read.refresh) return { kind: "active", refreshed: null, mustChangePassword };
  const remaining = Math.max(1, policy.maxSeconds - (now - read.claims.sat));
  return {
    kind: "active",
    refreshed: await encodeSessionToken({ token: { ...read.token, lst: now }, secret, maxAge: remaining }),
    mustChangePassword,
  };
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  // A write from another site's page is refused here for every route: for a server action Next's
  // own check would answer 500 (lib/security/same-site.ts).
  if (crossSiteWrite(request))
    return NextResponse.json(
      { code: "forbidden", error: zhCN.errors.crossSite, fieldErrors: {} },
      { status: 403, headers: { "cache-control": "no-store" } },
    );
  // A body announced as too large is refused before anything reads it; one sent without its size
  // is counted from Next's copy (for a server action Next would answer 500, for an upload the
  // handler would see a body cut short).
  const { pathname: requestPath } = request.nextUrl;
  const oversized =
    oversizedBody(request.method, request.headers, requestPath) ??
    (await oversizedStream(request.method, request.headers, request.body, requestPath));
  if (oversized) return new NextResponse(oversized.body, { status: oversized.status, headers: oversized.headers });
  const nonce = makeNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const { pathname } = request.nextUrl;
  // next-auth's own endpoints write the cookie themselves (sign-in, sign-out).
  const authEndpoint = pathname.startsWith("/api/auth/");
  const cookieName = SESSION_COOKIE_NAMES.find((name) => request.cookies.has(name));
  const state = authEndpoint
    ? { kind: "none" as const }
    : await sessionState(cookieName, cookieName ? request.cookies.get(cookieName)?.value : undefined);
  const pageVisit = request.method === "GET" && !pathname.startsWith("/api/") && !request.headers.has("next-action");

  if (isProtectedPage(pathname) && pageVisit) {
    if (state.kind === "ended") return withHeaders(clearSession(toSignIn(request, state.reason), cookieName), csp);
    if (state.kind === "none") return withHeaders(toSignIn(request), csp);
  }
  // An initial password is replaced before anything else is shown (the server checks it too).
  if (
    state.kind === "active" &&
    state.mustChangePassword &&
    pageVisit &&
    !NO_PASSWORD_DETOUR.some((re) => re.test(pathname))
  ) {
    const url = request.nextUrl.clone();
    url.pathname = CHANGE_PASSWORD_PATH;
    url.search = "";
    return withHeaders(NextResponse.redirect(url), csp);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // For the audit row of a refused page (app/_server/session.ts).
  requestHeaders.set("x-pathname", pathname);
  requestHeaders.set("content-security-policy", csp);
  if (state.kind === "ended" && cookieName) {
    // Anything else goes on as anonymous: public pages render, actions and the API answer 401.
    request.cookies.delete(cookieName);
    requestHeaders.set("cookie", request.cookies.toString());
  } else if (state.kind === "active" && state.refreshed && cookieName) {
    request.cookies.set(cookieName, state.refreshed);
    requestHeaders.set("cookie", request.cookies.toString());
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (state.kind === "ended") clearSession(response, cookieName);
  if (state.kind === "active" && state.refreshed && cookieName) {
    response.cookies.set(cookieName, state.refreshed, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: cookieName.startsWith("__Secure-"),
      maxAge: sessionPolicyFromEnv().maxSeconds,
    });
  }
  return withHeaders(response, csp);
}

function clearSession(response: NextResponse, cookieName: string | undefined): NextResponse {
  if (cookieName)
    response.cookies.set(cookieName, "", {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: cookieName.startsWith("__Secure-"),
      maxAge: 0,
    });
  return response;
}

function withHeaders(response: NextResponse, csp: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Everything but the build's static files, the image optimiser and the icon: pages need the
  // nonce, and the session clock must see every request, actions and the API included.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
