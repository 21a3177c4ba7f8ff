/**
 * How long a signed-in session lives (等级保护 2.0 三级 登录超时; ASVS 3.3): it ends after a
 * period without requests (idle, default 30 minutes, SESSION_IDLE_MINUTES) and, however busy,
 * after an absolute limit from sign-in (default 12 hours, SESSION_MAX_HOURS). The session token
 * carries when it signed in and when it was last seen; the last-seen time is rewritten at most
 * once a minute so a page full of requests does not rewrite the cookie on each.
 * Pure: the proxy, the server's session check and the tests pass the clock in.
 */

export type SessionPolicy = {
  idleSeconds: number;
  maxSeconds: number;
  /** last-seen is refreshed when it is at least this old */
  refreshSeconds: number;
};

export const DEFAULT_IDLE_MINUTES = 30;
export const DEFAULT_MAX_HOURS = 12;
const REFRESH_SECONDS = 60;

/** A positive number from the environment, or the default when absent or nonsense (logged, not fatal). */
function positive(raw: string | undefined, fallback: number, name: string, max: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (Number.isFinite(value) && value > 0 && value <= max) return value;
  console.warn(`[session] ${name}=${JSON.stringify(raw)} is not a number between 0 and ${max}; using ${fallback}`);
  return fallback;
}

export function sessionPolicyFromEnv(env: Record<string, string | undefined> = process.env): SessionPolicy {
  const idleMinutes = positive(env.SESSION_IDLE_MINUTES, DEFAULT_IDLE_MINUTES, "SESSION_IDLE_MINUTES", 24 * 60);
  const maxHours = positive(env.SESSION_MAX_HOURS, DEFAULT_MAX_HOURS, "SESSION_MAX_HOURS", 7 * 24);
  const idleSeconds = Math.round(idleMinutes * 60);
  return {
    idleSeconds,
    maxSeconds: Math.round(maxHours * 3600),
    refreshSeconds: Math.min(REFRESH_SECONDS, Math.max(1, Math.floor(idleSeconds / 2))),
  };
}

/** The session's clock as the token carries it, in epoch seconds. */
export type SessionClock = { signedInAt: number; lastSeenAt: number };

export type SessionVerdict =
  | { state: "active"; refresh: boolean }
  /** no request for longer than the idle limit */
  | { state: "idle" }
  /** older than the absolute limit, or a token without a usable clock (issued before these rules) */
  | { state: "expired" };

// Two servers' clocks may differ a little; a token from far in the future is not believed.
const CLOCK_SKEW_SECONDS = 60;

export function judgeSession(
  clock: Partial<SessionClock> | null | undefined,
  nowSeconds: number,
  policy: SessionPolicy,
): SessionVerdict {
  const signedInAt = clock?.signedInAt;
  const lastSeenAt = clock?.lastSeenAt;
  if (
    typeof signedInAt !== "number" ||
    typeof lastSeenAt !== "number" ||
    !Number.isFinite(signedInAt) ||
    !Number.isFinite(lastSeenAt)
  )
    return { state: "expired" };
  if (
    signedInAt > nowSeconds + CLOCK_SKEW_SECONDS ||
    lastSeenAt > nowSeconds + CLOCK_SKEW_SECONDS ||
    lastSeenAt < signedInAt
  )
    return { state: "expired" };
  if (nowSeconds - signedInAt >= policy.maxSeconds) return { state: "expired" };
  if (nowSeconds - lastSeenAt >= policy.idleSeconds) return { state: "idle" };
  return { state: "active", refresh: nowSeconds - lastSeenAt >= policy.refreshSeconds };
}

export const nowInSeconds = (): number => Math.floor(Date.now() / 1000);
