import { z } from "zod";
import { roles } from "./actor";
import { judgeSession, nowInSeconds, sessionPolicyFromEnv, type SessionPolicy } from "./session-policy";
import { decodeSessionToken } from "./session-token";

/**
 * What the signed cookie carries. It only identifies the user and the session's clock; permissions
 * are read fresh per request, `sv` must equal users.session_version and the session `sid` must
 * not have been signed out (user_sessions; app/_server/session.ts checks both).
 * sat = signed in at, lst = last seen at (epoch seconds; ./session-policy.ts judges them).
 * A cookie without `sid` (made before sessions had rows) counts as expired: sign in again.
 */
export const sessionClaims = z.object({
  sub: z.string().min(1),
  name: z.string().nullish(),
  role: z.enum(roles),
  sv: z.number().int(),
  sid: z.uuid(),
  sat: z.number(),
  lst: z.number(),
  /** must change the password first (proxy.ts sends every page there); changing it ends the session */
  mcp: z.boolean().optional(),
});
export type SessionClaims = z.infer<typeof sessionClaims>;

export type SessionCookieState =
  | { kind: "none" }
  | { kind: "ended"; reason: "SessionIdle" | "SessionExpired" }
  /** `token`: every claim as decoded, for writing the cookie again with a new last-seen time. */
  | { kind: "active"; claims: SessionClaims; token: Record<string, unknown>; refresh: boolean };

/**
 * The session cookie's value judged once, the same way wherever it is read: proxy.ts (which ends
 * or refreshes it) and app/_server/session.ts (which looks the user up). A cookie that does not
 * decrypt or lacks the claims counts as expired.
 */
export async function readSessionCookie(
  value: string | undefined,
  secret: string,
  policy: SessionPolicy = sessionPolicyFromEnv(),
  now: number = nowInSeconds(),
): Promise<SessionCookieState> {
  if (!value) return { kind: "none" };
  const token = await decodeSessionToken({ token: value, secret }).catch(() => null);
  const claims = sessionClaims.safeParse(token);
  if (!token || !claims.success) return { kind: "ended", reason: "SessionExpired" };
  const verdict = judgeSession({ signedInAt: claims.data.sat, lastSeenAt: claims.data.lst }, now, policy);
  if (verdict.state === "idle") return { kind: "ended", reason: "SessionIdle" };
  if (verdict.state === "expired") return { kind: "ended", reason: "SessionExpired" };
  return { kind: "active", claims: claims.data, token, refresh: verdict.refresh };
}
