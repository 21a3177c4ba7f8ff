import NextAuth from "next-auth";
import { authOptions } from "@/app/_server/auth-options";
import { bind } from "@/app/_server/bindings";

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's own endpoints (csrf, credentials callback, session, sign-out). Public by nature:
 * they are how the anonymous become signed in, guarded by next-auth's CSRF token and the
 * credentials check. Options are built per request so a missing production secret fails loudly.
 */
async function handler(req: Request, ctx: Context): Promise<Response> {
  return NextAuth(req as never, ctx as never, authOptions()) as Promise<Response>;
}

bind(handler, {
  external: "next-auth endpoints: public, CSRF-protected, credentials checked in app/_server/credentials.ts",
});

export { handler as GET, handler as POST };
