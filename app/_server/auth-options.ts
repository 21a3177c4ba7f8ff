import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { endSessionOfToken } from "@/db/queries/sessions";
import { sameOriginPath } from "@/lib/auth/return-path";
import { sessionClaims } from "@/lib/auth/session-cookie";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth/session-token";
import { judgeSession, nowInSeconds, sessionPolicyFromEnv } from "@/lib/auth/session-policy";
import { zhCN } from "@/lib/i18n/zh-CN";
import { authSecret } from "./auth-secret";
import { checkCredentials, type SignedInUser } from "./credentials";

function firstForwardedFor(headers: Record<string, unknown> | undefined): string | null {
  const value = headers?.["x-forwarded-for"];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === "string" && text ? text.split(",")[0].trim() : null;
}

export function authOptions(): NextAuthOptions {
  const policy = sessionPolicyFromEnv();
  return {
    secret: authSecret(),
    // The cookie lives as long as the absolute limit; the idle limit is judged from `lst`.
    session: { strategy: "jwt", maxAge: policy.maxSeconds },
    // next-auth's cookie format, with the derived key kept rather than derived per request.
    jwt: { maxAge: policy.maxSeconds, encode: encodeSessionToken, decode: decodeSessionToken },
    // Our own Chinese pages instead of next-auth's English defaults; errors land on the form.
    pages: { signIn: "/signin", signOut: "/signout", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: zhCN.signIn.providerName,
        credentials: {
          username: { label: zhCN.signIn.username, type: "text" },
          password: { label: zhCN.signIn.password, type: "password" },
        },
        async authorize(credentials, req) {
          return checkCredentials(getDb(), credentials, firstForwardedFor(req?.headers));
        },
      }),
    ],
    // next-auth's own sign-out endpoint ends the session on the server too, for anything that posts
    // to it directly; the sign-out page ends it first through its action, which reports a failure
    // (app/signout). Already ended: nothing happens, nothing is logged twice.
    events: {
      async signOut({ token }) {
        await endSessionOfToken(getDb(), token);
      },
    },
    callbacks: {
      // Where next-auth sends the browser after signing in or out: a place on this site, else its home.
      redirect({ url, baseUrl }) {
        const path = sameOriginPath(url, baseUrl);
        return path ? `${new URL(baseUrl).origin}${path}` : baseUrl;
      },
      async jwt({ token, user }) {
        const now = nowInSeconds();
        // `user` is only present at sign-in: the clock starts.
        if (user) {
          const signedIn = user as unknown as SignedInUser;
          return {
            ...token,
            sub: signedIn.id,
            name: signedIn.name ?? null,
            role: signedIn.role,
            sv: signedIn.sessionVersion,
            sid: signedIn.sessionId,
            sat: now,
            lst: now,
            mcp: !!signedIn.mustChangePassword,
          };
        }
        // Afterwards: an idle or expired session ends here (next-auth clears the cookie it was
        // asked about; proxy.ts does the same for page requests and refreshes `lst`).
        const verdict = judgeSession({ signedInAt: token.sat as number, lastSeenAt: token.lst as number }, now, policy);
        if (verdict.state !== "active") throw new Error(verdict.state === "idle" ? "SessionIdle" : "SessionExpired");
        return verdict.refresh ? { ...token, lst: now } : token;
      },
      // What next-auth's own /api/auth/session answers; the server reads the cookie itself (session.ts).
      async session({ session, token }) {
        const parsed = sessionClaims.safeParse(token);
        if (parsed.success)
          Object.assign(session, {
            user: {
              id: parsed.data.sub,
              name: parsed.data.name ?? null,
              role: parsed.data.role,
              sessionVersion: parsed.data.sv,
            },
          });
        return session;
      },
    },
  };
}
