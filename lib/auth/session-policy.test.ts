import { describe, expect, it } from "vitest";
import { judgeSession, sessionPolicyFromEnv, type SessionPolicy } from "./session-policy";

const policy: SessionPolicy = { idleSeconds: 30 * 60, maxSeconds: 12 * 3600, refreshSeconds: 60 };
const t0 = 1_700_000_000;

describe("session policy from the environment", () => {
  it("defaults to 30 minutes idle and 12 hours in all", () => {
    expect(sessionPolicyFromEnv({})).toEqual({ idleSeconds: 1800, maxSeconds: 43200, refreshSeconds: 60 });
  });
  it("reads SESSION_IDLE_MINUTES and SESSION_MAX_HOURS, and ignores nonsense", () => {
    expect(sessionPolicyFromEnv({ SESSION_IDLE_MINUTES: "10", SESSION_MAX_HOURS: "8" })).toEqual({
      idleSeconds: 600,
      maxSeconds: 28800,
      refreshSeconds: 60,
    });
    expect(sessionPolicyFromEnv({ SESSION_IDLE_MINUTES: "abc", SESSION_MAX_HOURS: "-1" })).toEqual({
      idleSeconds: 1800,
      maxSeconds: 43200,
      refreshSeconds: 60,
    });
    // A one-minute idle limit (for tests) refreshes more often than it expires.
    expect(sessionPolicyFromEnv({ SESSION_IDLE_MINUTES: "1" }).refreshSeconds).toBe(30);
  });
});

describe("judging a session", () => {
  it("is active while requests keep coming, and asks for a refresh at most once a minute", () => {
    expect(judgeSession({ signedInAt: t0, lastSeenAt: t0 }, t0 + 59, policy)).toEqual({
      state: "active",
      refresh: false,
    });
    expect(judgeSession({ signedInAt: t0, lastSeenAt: t0 }, t0 + 60, policy)).toEqual({
      state: "active",
      refresh: true,
    });
    expect(judgeSession({ signedInAt: t0, lastSeenAt: t0 + 11 * 3600 }, t0 + 11 * 3600 + 29 * 60, policy)).toEqual({
      state: "active",
      refresh: true,
    });
  });

  it("ends after 30 minutes without a request", () => {
    expect(judgeSession({ signedInAt: t0, lastSeenAt: t0 + 100 }, t0 + 100 + 1799, policy).state).toBe("active");
    expect(judgeSession({ signedInAt: t0, lastSeenAt: t0 + 100 }, t0 + 100 + 1800, policy)).toEqual({ state: "idle" });
  });

  it("ends 12 hours after sign-in however active", () => {
    expect(judgeSession({ signedInAt: t0, lastSeenAt: t0 + 12 * 3600 - 5 }, t0 + 12 * 3600, policy)).toEqual({
      state: "expired",
    });
  });

  it("does not believe a token without a clock, from the future, or seen before it signed in", () => {
    expect(judgeSession(null, t0, policy)).toEqual({ state: "expired" });
    expect(judgeSession({ signedInAt: t0 }, t0, policy)).toEqual({ state: "expired" });
    expect(judgeSession({ signedInAt: t0 + 3600, lastSeenAt: t0 + 3600 }, t0, policy)).toEqual({ state: "expired" });
    expect(judgeSession({ signedInAt: t0, lastSeenAt: t0 - 1 }, t0, policy)).toEqual({ state: "expired" });
  });
});
