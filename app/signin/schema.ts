import { z } from "zod";
import { securitySignInMessage } from "@/lib/auth/sign-in-lock";
import { zhCN } from "@/lib/i18n/zh-CN";

/** One schema for the sign-in form (client) and the credentials check (server). */
export const signInInput = z.object({
  username: z.string().trim().min(1, zhCN.signIn.usernameRequired).max(100),
  password: z.string().min(1, zhCN.signIn.passwordRequired).max(200),
});
export type SignInInput = z.infer<typeof signInInput>;

/** What the credentials provider reports back, mapped to what the form says. */
export const signInErrorCodes = { disabled: "AccountDisabled" } as const;

export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code === "CredentialsSignin") return zhCN.signIn.wrongCredentials;
  if (code === signInErrorCodes.disabled) return zhCN.signIn.disabled;
  // Sent back for want of a session: the same words as any request whose sign-in has lapsed.
  if (code === "SessionRequired") return zhCN.errors.unauthenticated;
  const security = securitySignInMessage(code);
  if (security) return security;
  return zhCN.signIn.unavailable;
}
