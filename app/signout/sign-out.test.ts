import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endSessionsOf } from "@/db/queries/security";
import { endSession, endSessionOfToken, sessionActor, startSession } from "@/db/queries/sessions";
import { createUser } from "@/db/queries/users";
import { auditLog } from "@/db/schema/audit";
import { userSessions } from "@/db/schema/users";
import { createTestDb, type TestDb } from "@/db/test-db";
import { readSessionCookie } from "@/lib/auth/session-cookie";
import { encodeSessionToken } from "@/lib/auth/session-token";
import { authOptions } from "@/app/_server/auth-options";
import { checkCredentials } from "@/app/_server/credentials";
import { executeOperation } from "@/app/_server/operation";
import { signOutOperation } from "./operations";

/**
 * Signing out ends that session on the server: the same cookie, copied before, signs nobody in
 * afterwards, while the user's session in another browser goes on. Driven through what a request
 * does — the credentials check, next-auth's jwt callback, the cookie encoder, the cookie reader and
 * the one query that loads the actor (sessionActor, app/_server/session.ts) — on the real database.
 */
const secret = "sign-out-test-secret-0123456789-0123456789";
const password = "Sign-Out-Pass-2031";
let t: TestDb;
beforeAll(async () => {
  process.env.AUTH_SECRET = secret;
  t = await createTestDb();
  await createUser(t.db, null, {
    username: "two-browsers",
    displayName: "两台电脑",
    role: "approver",
    password,
    mustChangePassword: false,
  });
});
afterAll(async () => {
  await t?.close();
});

/** Signs in as the form does and answers the cookie next-auth would set. */
async function signIn(ip: string): Promise<string> {
  const user = await checkCredentials(t.db, { username: "two-browsers", password }, ip);
  if (!user) throw new Error("sign-in failed");
  const jwt = authOptions().callbacks!.jwt!;
  const token = await jwt({ token: {}, user: user as never, account: null, trigger: "signIn" } as never);
  return encodeSessionToken({ token: token as Record<string, unknown>, secret, maxAge: 3600 });
}

/** What the server makes of a cookie on a request. */
async function whoIs(cookie: string) {
  const read = await readSessionCookie(cookie, secret);
  if (read.kind !== "active") return { actor: null, ended: read.kind };
  return sessionActor(t.db, read.claims);
}

describe("signing out", () => {
  it("refuses a copy of the cookie afterwards, keeps the other browser signed in, and audits it once", async () => {
    const office = await signIn("10.1.0.1");
    const copied = `${office}`;
    const home = await signIn("10.1.0.2");
    const actor = (await whoIs(office)).actor!;
    expect(actor).toMatchObject({ username: "two-browsers", sessionId: expect.any(String) });
    expect((await whoIs(home)).actor?.sessionId).not.toBe(actor.sessionId);

    expect(await executeOperation(signOutOperation, { db: t.db, actor, ip: "10.1.0.1" }, {})).toEqual({
      ok: true,
      data: { ended: true },
    });
    expect(await whoIs(copied)).toEqual({ actor: null, ended: "SignedOut" });
    expect((await whoIs(home)).actor).toMatchObject({ username: "two-browsers" });

    // Signing out again (a second tab, next-auth's endpoint afterwards) changes nothing and logs nothing more.
    expect(await executeOperation(signOutOperation, { db: t.db, actor, ip: "10.1.0.1" }, {})).toEqual({
      ok: true,
      data: { ended: false },
    });
    const logged = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.logout"), eq(auditLog.actorId, actor.id)));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      ip: "10.1.0.1",
      entityType: "user",
      entityId: actor.id,
      detail: { sessionId: actor.sessionId },
    });
    const login = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.login"), eq(auditLog.actorId, actor.id)));
    expect(login.map((r) => (r.detail as { sessionId?: string }).sessionId)).toContain(actor.sessionId);
  });

  it("through next-auth's own sign-out endpoint too", async () => {
    const cookie = await signIn("10.1.0.3");
    const read = await readSessionCookie(cookie, secret);
    if (read.kind !== "active") throw new Error("not active");
    // What its signOut event does (app/_server/auth-options.ts), on this test's database.
    expect(await endSessionOfToken(t.db, read.token)).toBe(true);
    expect(await whoIs(cookie)).toEqual({ actor: null, ended: "SignedOut" });
  });

  it("ends only the user's own session", async () => {
    const other = await createUser(t.db, null, {
      username: "bystander-browser",
      displayName: "旁人",
      role: "clerk",
      password,
      mustChangePassword: false,
    });
    const theirs = await startSession(t.db, other.id, null);
    const mine = (await whoIs(await signIn("10.1.0.4"))).actor!;
    expect(await endSession(t.db, { userId: mine.id, sessionId: theirs, ip: null })).toBe(false);
    const [row] = await t.db.select().from(userSessions).where(eq(userSessions.id, theirs));
    expect(row.endedAt).toBeNull();
  });

  it("ending all of a user's sessions (password change, disabling) still works by session_version", async () => {
    const cookie = await signIn("10.1.0.5");
    const { actor } = await whoIs(cookie);
    await endSessionsOf(t.db, [actor!.id]);
    expect(await whoIs(cookie)).toEqual({ actor: null, ended: "SessionRevoked" });
  });

  it("forgets sessions older than the absolute limit when the user next signs in", async () => {
    const user = await createUser(t.db, null, {
      username: "old-sessions",
      displayName: "旧会话",
      role: "clerk",
      password,
      mustChangePassword: false,
    });
    const dayAgo = new Date(Date.now() - 24 * 3600 * 1000);
    const old = await startSession(t.db, user.id, null, dayAgo, 12 * 3600);
    const recent = await startSession(t.db, user.id, null, new Date(Date.now() - 3600 * 1000), 12 * 3600);
    await startSession(t.db, user.id, null, new Date(), 12 * 3600);
    const left = (
      await t.db.select({ id: userSessions.id }).from(userSessions).where(eq(userSessions.userId, user.id))
    ).map((r) => r.id);
    expect(left).toHaveLength(2);
    expect(left).toContain(recent);
    expect(left).not.toContain(old);
  });
});
