import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "../client";
import { disclosures } from "../schema/disclosures";
import { departments } from "../schema/organisation";
import { notices, type noticeKinds } from "../schema/review";
import { approverGroups, userDepartments, users } from "../schema/users";
import { readScope } from "./scope";

export type NoticeKind = (typeof noticeKinds)[number];

/** Who a notice goes to: the department's clerks, the approvers of its desk, or named people. */
export type Recipients = { departmentClerks: string } | { deskApprovers: string } | { users: readonly string[] };

async function recipientIds(tx: Db, to: Recipients): Promise<string[]> {
  if ("users" in to) return [...new Set(to.users)];
  if ("departmentClerks" in to) {
    const rows = await tx
      .select({ id: users.id })
      .from(userDepartments)
      .innerJoin(users, eq(users.id, userDepartments.userId))
      .where(
        and(eq(userDepartments.departmentId, to.departmentClerks), eq(users.role, "clerk"), eq(users.disabled, false)),
      );
    return rows.map((r) => r.id);
  }
  const rows = await tx
    .select({ id: users.id })
    .from(departments)
    .innerJoin(approverGroups, eq(approverGroups.groupId, departments.groupId))
    .innerJoin(users, eq(users.id, approverGroups.userId))
    .where(and(eq(departments.id, to.deskApprovers), eq(users.role, "approver"), eq(users.disabled, false)));
  return rows.map((r) => r.id);
}

/**
 * Leaves a notice for each recipient, inside the caller's transaction (the step and its notices
 * commit together). The actor is never told about their own step; a null actor is the system (a
 * reminder). `once`: a notice its unique index already holds (a reminder's stage) is not left
 * again. Returns how many were left.
 */
export async function notify(
  tx: Db,
  input: {
    kind: NoticeKind;
    disclosureId: string;
    actorId: string | null;
    to: Recipients;
    detail?: Record<string, unknown>;
    once?: boolean;
  },
): Promise<number> {
  const ids = (await recipientIds(tx, input.to)).filter((id) => id !== input.actorId);
  if (ids.length === 0) return 0;
  const insert = tx.insert(notices).values(
    ids.map((recipientId) => ({
      recipientId,
      disclosureId: input.disclosureId,
      kind: input.kind,
      actorId: input.actorId,
      detail: input.detail ?? {},
    })),
  );
  if (!input.once) {
    await insert;
    return ids.length;
  }
  return (await insert.onConflictDoNothing().returning({ id: notices.id })).length;
}

export type Notice = {
  id: string;
  kind: NoticeKind;
  disclosureId: string;
  departmentName: string;
  fiscalYear: number;
  actorName: string | null;
  detail: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
};

/**
 * The actor's own notices, newest first. Only about disclosures still in their scope: a clerk
 * moved to another department no longer hears about the old one.
 */
export async function listNotices(
  db: Db,
  actor: Actor,
  opts: { limit?: number; unreadOnly?: boolean } = {},
): Promise<Notice[]> {
  const actorName = sql<
    string | null
  >`(select ${users.displayName} from ${users} where ${users.id} = ${notices.actorId})`;
  return db
    .select({
      id: notices.id,
      kind: notices.kind,
      disclosureId: notices.disclosureId,
      departmentName: departments.name,
      fiscalYear: disclosures.fiscalYear,
      actorName,
      detail: notices.detail,
      createdAt: notices.createdAt,
      readAt: notices.readAt,
    })
    .from(notices)
    .innerJoin(disclosures, eq(disclosures.id, notices.disclosureId))
    .innerJoin(departments, eq(departments.id, disclosures.departmentId))
    .where(
      and(
        eq(notices.recipientId, actor.id),
        opts.unreadOnly ? isNull(notices.readAt) : undefined,
        readScope(actor, disclosures.departmentId),
      ),
    )
    .orderBy(desc(notices.createdAt), desc(notices.id))
    .limit(opts.limit ?? 50);
}

export async function countUnreadNotices(db: Db, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notices)
    .innerJoin(disclosures, eq(disclosures.id, notices.disclosureId))
    .where(and(eq(notices.recipientId, actor.id), isNull(notices.readAt), readScope(actor, disclosures.departmentId)));
  return row.n;
}

/** Marks the actor's own notices read: the given ones, or all. Another person's notice is left alone. */
export async function markNoticesRead(db: Db, actor: Actor, ids: readonly string[] | "all"): Promise<number> {
  if (ids !== "all" && ids.length === 0) return 0;
  const read = await db
    .update(notices)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notices.recipientId, actor.id),
        isNull(notices.readAt),
        ids === "all" ? undefined : inArray(notices.id, [...ids]),
      ),
    )
    .returning({ id: notices.id });
  return read.length;
}
