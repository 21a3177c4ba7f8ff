import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { roles } from "@/lib/auth/actor";
import { zhCN } from "@/lib/i18n/zh-CN";
import { authSecret } from "./auth-secret";
import { checkCredentials } from "./credentials";

/** A working day: a session left open overnight has to sign in again. */
const SESSION_SECONDS = 8 * 60 * 60;

/** What the signed cookie carries. It only identifies the user; permissions are read fresh per request. */
export const sessionToken = z.object({
  sub: z.string().min(1),
  name: z.string().nullish(),
  role: z.enum(roles),
});

function firstForwardedFor(headers: Record<string, unknown> | undefined): string | null {
  const value = headers?.["x-forwarded-for"];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === "string" && text ? text.split(",")[0].trim() : null;
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_SECONDS },
    jwt: { maxAge: SESSION_SECONDS },
    // Our own Chinese pages instead of next-auth's English defaults; errors land on the form.
    pages: { signIn: "/signin", signOut: "/signout", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: zhCN.signIn.providerName,
        credentials: { username: { label: zhCN.signIn.username, type: "text" }, password: { label: zhCN.signIn.password, type: "password" } },
        async authorize(credentials, req) {
          return checkCredentials(getDb(), credentials, firstForwardedFor(req?.headers));
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        // `user` is only present at sign-in; afterwards the token is carried as it is.
        if (user) {
          const signedIn = user as { id: string; name?: string | null; role?: string };
          token.sub = signedIn.id;
          token.name = signedIn.name ?? null;
          token.role = signedIn.role;
        }
        return token;
      },
      async session({ session, token }) {
        const parsed = sessionToken.safeParse(token);
        if (parsed.success) Object.assign(session, { user: { id: parsed.data.sub, name: parsed.data.name ?? null, role: parsed.data.role } });
        return session;
      },
    },
  };
}
