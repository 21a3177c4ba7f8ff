import { and, eq, isNull, lt } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { sessionClaims, type SessionClaims } from "@/lib/auth/session-cookie";
import { sessionPolicyFromEnv } from "@/lib/auth/session-policy";
import type { Db } from "../client";
import { userSessions } from "../schema/users";
import { appendAudit } from "./audit";
import { loadSessionActor } from "./users";

/**
 * Signed-in sessions, one row each (db/schema/users.ts user_sessions). A sign-in starts one and
 * its id goes into the cookie; signing out ends it, so a copy of that cookie is refused from then
 * on (the check is part of loadSessionActor, the query every signed-in request already makes).
 */

/**
 * Starts a session for a user who has just proved who they are; returns its id for the cookie.
 * Sessions of theirs that started longer ago than the absolute limit cannot be in use any more:
 * they are deleted here, so the table holds at most a day or so of each user's sign-ins.
 */
export async function startSession(
  db: Db,
  userId: string,
  ip: string | null,
  now = new Date(),
  maxSeconds = sessionPolicyFromEnv().maxSeconds,
): Promise<string> {
  await db
    .delete(userSessions)
    .where(
      and(eq(userSessions.userId, userId), lt(userSessions.startedAt, new Date(now.getTime() - maxSeconds * 1000))),
    );
  const [row] = await db.insert(userSessions).values({ userId, ip, startedAt: now }).returning({ id: userSessions.id });
  return row.id;
}

/**
 * Ends one session of this user (signing out), with its audit row in the same transaction.
 * False when it had already ended or is not theirs: nothing changes and nothing is logged.
 */
export async function endSession(
  db: Db,
  input: { userId: string; sessionId: string; ip: string | null },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [ended] = await tx
      .update(userSessions)
      .set({ endedAt: new Date() })
      .where(
        and(eq(userSessions.id, input.sessionId), eq(userSessions.userId, input.userId), isNull(userSessions.endedAt)),
      )
      .returning({ id: userSessions.id });
    if (!ended) return false;
    await appendAudit(tx, {
      actorId: input.userId,
      ip: input.ip,
      action: "user.logout",
      entityType: "user",
      entityId: input.userId,
      detail: { sessionId: input.sessionId },
    });
    return true;
  });
}

/** Ends the session a decoded cookie names (next-auth's sign-out event); false for anything else. */
export async function endSessionOfToken(db: Db, token: unknown, ip: string | null = null): Promise<boolean> {
  const claims = sessionClaims.safeParse(token);
  return claims.success ? endSession(db, { userId: claims.data.sub, sessionId: claims.data.sid, ip }) : false;
}

/** Why a cookie that still decrypts and is within its time no longer signs anyone in. */
export type SessionEnded = "SessionRevoked" | "SignedOut";

/**
 * Who an active session cookie's claims act as, judged against the database in one query
 * (app/_server/session.ts, per request): nobody when the user was disabled or changed their
 * password since (session_version: "SessionRevoked") or when this session was signed out
 * ("SignedOut"); otherwise the actor, carrying the session's id.
 */
export async function sessionActor(
  db: Db,
  claims: Pick<SessionClaims, "sub" | "sv" | "sid">,
): Promise<{ actor: Actor; ended: null } | { actor: null; ended: SessionEnded }> {
  const current = await loadSessionActor(db, claims.sub, claims.sid);
  if (!current || current.sessionVersion !== claims.sv) return { actor: null, ended: "SessionRevoked" };
  if (!current.sessionOpen) return { actor: null, ended: "SignedOut" };
  return { actor: { ...current.actor, sessionId: claims.sid }, ended: null };
}
