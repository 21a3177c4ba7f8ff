import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../test-db";
import { activeSignInLock, LOCKOUT_THRESHOLD, recordSignInAttempt } from "./security";

/** The lockout counts on the real database: per username and per address, 15 minutes, then a fresh window. */
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);
async function fail(username: string, ip: string | null, when: Date) {
  return recordSignInAttempt(t.db, { username, ip, outcome: "failure" }, when);
}

describe("sign-in lockout", () => {
  it("locks an account on its fifth failure for 15 minutes, from any address, then lets it try again", async () => {
    const t0 = new Date("2026-03-01T02:00:00Z");
    for (let i = 0; i < LOCKOUT_THRESHOLD - 1; i++) expect(await fail("Alice", `10.1.0.${i}`, at(t0, i))).toBeNull();
    expect(await activeSignInLock(t.db, "alice", "10.9.9.9", at(t0, 4))).toBeNull();
    const lock = await fail("alice ", "10.1.0.9", at(t0, 4));
    expect(lock).toEqual({ scope: "account", until: at(t0, 19) });
    // Locked from a new address too, and for the name as typed in another case.
    expect(await activeSignInLock(t.db, "ALICE", "10.9.9.9", at(t0, 10))).toEqual({
      scope: "account",
      until: at(t0, 19),
    });
    expect(await activeSignInLock(t.db, "bob", "10.9.9.9", at(t0, 10))).toBeNull();
    expect(await activeSignInLock(t.db, "alice", null, at(t0, 19))).toBeNull();
    // After the lock the count starts again: one failure does not lock it at once.
    expect(await fail("alice", "10.1.0.1", at(t0, 20))).toBeNull();
  });

  it("forgets failures older than 15 minutes", async () => {
    const t0 = new Date("2026-03-02T02:00:00Z");
    for (let i = 0; i < 4; i++) await fail("carol", null, at(t0, i));
    expect(await fail("carol", null, at(t0, 20))).toBeNull();
    expect(await activeSignInLock(t.db, "carol", null, at(t0, 21))).toBeNull();
  });

  it("clears an account's count on its success, but not the address's", async () => {
    const t0 = new Date("2026-03-03T02:00:00Z");
    const ip = "10.3.0.1";
    for (let i = 0; i < 4; i++) await fail("dave", ip, at(t0, i));
    await recordSignInAttempt(t.db, { username: "dave", ip, outcome: "success" }, at(t0, 4.5));
    // The account starts afresh; the address has its fifth failure now and is locked.
    expect(await fail("dave", ip, at(t0, 5))).toEqual({ scope: "address", until: at(t0, 20) });
    expect(await activeSignInLock(t.db, "dave", "10.3.0.2", at(t0, 6))).toBeNull();
  });

  it("locks an address that tries five different usernames, for every username", async () => {
    const t0 = new Date("2026-03-04T02:00:00Z");
    const ip = "10.4.0.1";
    for (const [i, name] of ["u1", "u2", "u3", "u4"].entries()) expect(await fail(name, ip, at(t0, i))).toBeNull();
    expect(await fail("u5", ip, at(t0, 4))).toEqual({ scope: "address", until: at(t0, 19) });
    expect(await activeSignInLock(t.db, "admin", ip, at(t0, 5))).toEqual({ scope: "address", until: at(t0, 19) });
    expect(await activeSignInLock(t.db, "admin", "10.4.0.2", at(t0, 5))).toBeNull();
    expect(await activeSignInLock(t.db, "admin", ip, at(t0, 19))).toBeNull();
  });

  it("does not count attempts refused while locked", async () => {
    const t0 = new Date("2026-03-05T02:00:00Z");
    for (let i = 0; i < 5; i++) await fail("erin", null, at(t0, i));
    for (let i = 0; i < 10; i++)
      await recordSignInAttempt(t.db, { username: "erin", ip: null, outcome: "locked" }, at(t0, 5 + i / 10));
    expect(await activeSignInLock(t.db, "erin", null, at(t0, 19))).toBeNull();
    expect(await fail("erin", null, at(t0, 19.5))).toBeNull();
  });

  it("counts parallel guesses one by one: exactly one of five concurrent failures starts the lock", async () => {
    const t0 = new Date();
    const results = await Promise.all([0, 1, 2, 3, 4].map((i) => fail("frank", null, new Date(t0.getTime() + i))));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
