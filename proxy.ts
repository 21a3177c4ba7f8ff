import { NextResponse, type NextRequest } from "next/server";

/**
 * Sends the anonymous to /signin before a signed-in-only page renders, keeping where they were
 * going. It only looks for the session cookie: verifying it, and every permission, happens in the
 * page, action or route handler itself (app/_server/session.ts, lib/auth/policy.ts). A forged or
 * expired cookie passes here and is turned away there.
 */
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  const returnTo = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  url.pathname = "/signin";
  url.search = "";
  url.searchParams.set("callbackUrl", returnTo);
  return NextResponse.redirect(url);
}

export const config = {
  // Public: the portal (/), published disclosures (/disclosures/…, checked per disclosure), the
  // sign-in page and the API (route handlers answer 401 themselves).
  matcher: ["/home", "/workbench/:path*", "/review/:path*", "/admin/:path*", "/signout"],
};
