import { describe, expect, it } from "vitest";
import { readSessionCookie } from "./session-cookie";
import { encodeSessionToken } from "./session-token";

const secret = "a-test-secret-of-enough-length-0123456789";
const policy = { idleSeconds: 30 * 60, maxSeconds: 12 * 3600, refreshSeconds: 60 };
const now = 2_000_000_000;
const sid = "0b7e3c57-2f0e-4c0c-8a51-6d8c1e0d9a24";
const claims = { sub: "u1", name: "填报员", role: "clerk", sv: 1, sid, sat: now - 600, lst: now - 120, mcp: false };
const cookie = (over: Record<string, unknown> = {}) =>
  encodeSessionToken({ token: { ...claims, ...over }, secret, maxAge: 3600 * 24 * 365 * 20 });

describe("reading the session cookie", () => {
  it("gives the claims of an active session, and whether its last-seen time is due a refresh", async () => {
    expect(await readSessionCookie(await cookie(), secret, policy, now)).toMatchObject({
      kind: "active",
      claims: { sub: "u1", sv: 1, sid },
      refresh: true,
    });
    expect(await readSessionCookie(await cookie({ lst: now - 10 }), secret, policy, now)).toMatchObject({
      kind: "active",
      refresh: false,
    });
  });

  it("ends an idle or too old session, and one that does not decrypt or lacks its claims", async () => {
    expect(await readSessionCookie(await cookie({ sat: now - 3600, lst: now - 31 * 60 }), secret, policy, now)).toEqual(
      { kind: "ended", reason: "SessionIdle" },
    );
    expect(await readSessionCookie(await cookie({ sat: now - 13 * 3600, lst: now - 60 }), secret, policy, now)).toEqual(
      { kind: "ended", reason: "SessionExpired" },
    );
    expect(await readSessionCookie(await cookie(), "another-secret-of-enough-length-0123456789", policy, now)).toEqual({
      kind: "ended",
      reason: "SessionExpired",
    });
    expect(await readSessionCookie(await cookie({ sv: undefined }), secret, policy, now)).toEqual({
      kind: "ended",
      reason: "SessionExpired",
    });
    // Made before sessions had rows, or naming something that is not a session id: sign in again.
    expect(await readSessionCookie(await cookie({ sid: undefined }), secret, policy, now)).toEqual({
      kind: "ended",
      reason: "SessionExpired",
    });
    expect(await readSessionCookie(await cookie({ sid: "x' or 1=1 --" }), secret, policy, now)).toEqual({
      kind: "ended",
      reason: "SessionExpired",
    });
  });

  it("knows no session without a cookie", async () => {
    expect(await readSessionCookie(undefined, secret, policy, now)).toEqual({ kind: "none" });
  });
});
