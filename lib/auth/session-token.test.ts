import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, encodeSessionToken } from "./session-token";

const secret = "a-test-secret-of-enough-length-0123456789";
const claims = { sub: "u1", name: "clerk", role: "clerk", sv: 3, sat: 1_700_000_000, lst: 1_700_000_060, mcp: false };

describe("session token", () => {
  it("is next-auth's format: each reads what the other writes", async () => {
    const ours = await encodeSessionToken({ token: claims, secret, maxAge: 3600 });
    expect(await decode({ token: ours, secret })).toMatchObject(claims);
    const theirs = await encode({ token: claims, secret, maxAge: 3600 });
    expect(await decodeSessionToken({ token: theirs, secret })).toMatchObject(claims);
  });

  it("keeps a salted key apart from the session key, as next-auth does", async () => {
    const salted = await encode({ token: claims, secret, salt: "x" });
    expect(await decodeSessionToken({ token: salted, secret, salt: "x" })).toMatchObject(claims);
    await expect(decodeSessionToken({ token: salted, secret })).rejects.toThrow();
  });

  it("refuses another secret, a changed token and an expired one", async () => {
    const token = await encodeSessionToken({ token: claims, secret, maxAge: 3600 });
    await expect(decodeSessionToken({ token, secret: `${secret}-other` })).rejects.toThrow();
    const parts = token.split(".");
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith("AA") ? "BB" : "AA");
    await expect(decodeSessionToken({ token: parts.join("."), secret })).rejects.toThrow();
    // Past the 15 s clock tolerance.
    const expired = await encodeSessionToken({ token: claims, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow();
    expect(await decodeSessionToken({ token: "", secret })).toBeNull();
  });

  it("carries an expiry and a fresh id in every token", async () => {
    const a = await decodeSessionToken({
      token: await encodeSessionToken({ token: claims, secret, maxAge: 600 }),
      secret,
    });
    const b = await decodeSessionToken({
      token: await encodeSessionToken({ token: claims, secret, maxAge: 600 }),
      secret,
    });
    expect((a!.exp as number) - (a!.iat as number)).toBe(600);
    expect(a!.jti).not.toBe(b!.jti);
  });
});
