import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Actor } from "@/lib/auth/actor";
import { canAnswerComment, canComment } from "@/lib/auth/policy";
import { anchorOf, currentAnchor, rowPaths } from "@/lib/domain/anchors";
import { comparePaths, describePath, getAt, parsePath } from "@/lib/domain/paths";
import type { Db } from "../client";
import type { EditableDisclosure } from "@/lib/domain/editable";
import { ForbiddenError, UserError, NotFoundError } from "@/lib/errors";
import { disclosureReturns, reviewComments, warningExplanations } from "../schema/review";
import { returnReasons } from "../schema/settings";
import { auditLog } from "../schema/audit";
import { users } from "../schema/users";
import { appendAudit } from "./audit";
import { getDisclosureMeta, loadContent } from "./disclosures";
import { readScope } from "./scope";
import { disclosures } from "../schema/disclosures";
import { recordMessages as records } from "@/lib/i18n/zh-CN/records";
import { reviewMessages } from "@/lib/i18n/zh-CN/review";

// Every function finds the disclosure through the actor's read scope first (getDisclosureMeta
// throws NotFoundError outside it), then asks lib/auth/policy.ts whether this person may write
// now: an approver opens threads while deciding; whoever holds the disclosure answers and resolves.

export type ReviewComment = typeof reviewComments.$inferSelect & {
  authorName: string;
  resolvedByName: string | null;
  /** The anchor against the current content: follows its row when rows move. */
  currentPath: string;
  /** The row it was anchored to has been deleted since. */
  rowGone: boolean;
  /** zh-CN: "五、预算绩效信息 › 项目 1「市志编纂业务费」› 指标第 7 行 › 指标值" */
  label: string;
};

export type CommentThread = ReviewComment & { replies: ReviewComment[] };

function withAnchors(
  content: EditableDisclosure,
  rows: Array<{ comment: typeof reviewComments.$inferSelect; authorName: string; resolvedByName: string | null }>,
): ReviewComment[] {
  const paths = rowPaths(content);
  return rows.map(({ comment, authorName, resolvedByName }) => {
    const anchor = currentAnchor(comment.anchorPath, comment.anchorRowId, paths);
    const label = describePath(anchor.path, anchor.rowGone ? undefined : content);
    return { ...comment, authorName, resolvedByName, currentPath: anchor.path, rowGone: anchor.rowGone, label };
  });
}

const resolver = alias(users, "resolver");

/** A disclosure's comments and replies, oldest first, each with where it now points. */
export async function listComments(db: Db, actor: Actor, disclosureId: string): Promise<ReviewComment[]> {
  const meta = await getDisclosureMeta(db, actor, disclosureId);
  const rows = await db
    .select({ comment: reviewComments, authorName: users.displayName, resolvedByName: resolver.displayName })
    .from(reviewComments)
    .innerJoin(users, eq(users.id, reviewComments.authorId))
    .leftJoin(resolver, eq(resolver.id, reviewComments.resolvedBy))
    .where(eq(reviewComments.disclosureId, disclosureId))
    .orderBy(asc(reviewComments.createdAt), asc(reviewComments.id));
  return withAnchors(await loadContent(db, meta), rows);
}

/** Threads (a first comment and its replies) in the order the document prints where they point. */
export async function listThreads(db: Db, actor: Actor, disclosureId: string): Promise<CommentThread[]> {
  const comments = await listComments(db, actor, disclosureId);
  const threads = comments.filter((c) => !c.parentId).map((c): CommentThread => ({ ...c, replies: [] }));
  const byId = new Map(threads.map((t) => [t.id, t]));
  for (const c of comments) if (c.parentId) byId.get(c.parentId)?.replies.push(c);
  return threads.sort(
    (a, b) => comparePaths(a.currentPath, b.currentPath) || a.createdAt.getTime() - b.createdAt.getTime(),
  );
}

/**
 * The disclosure a comment belongs to, read without scope on purpose (as findDisclosureFacts):
 * the operations' policies need it to tell "not yours" (403) from "no such comment" (404).
 */
export async function findCommentDisclosure(db: Db, commentId: string): Promise<string | null> {
  const [row] = await db
    .select({ disclosureId: reviewComments.disclosureId })
    .from(reviewComments)
    .where(eq(reviewComments.id, commentId));
  return row?.disclosureId ?? null;
}

/** A path a comment may point at: a field, row or section of the content as it is now. */
function assertCommentable(content: EditableDisclosure, path: string): void {
  let ok = false;
  try {
    ok = parsePath(path).length > 0 && getAt(content, path) !== undefined;
  } catch {
    ok = false;
  }
  if (!ok) throw new UserError(records.review.anchorGone);
}

export type NewComment = { anchorPath: string; body: string; ip?: string | null };

/**
 * Opens a thread at a path of the current content. Inside a row with an id (indicator, project,
 * procurement line) the row's id is found from the content (lib/domain/anchors.ts anchorOf), never
 * taken from the browser, so the comment stays on its row when rows move.
 */
export async function addComment(
  db: Db,
  actor: Actor,
  disclosureId: string,
  input: NewComment,
): Promise<{ id: string }> {
  const body = input.body.trim();
  if (!body) throw new UserError(reviewMessages.comments.empty);
  return db.transaction(async (tx) => {
    const meta = await getDisclosureMeta(tx, actor, disclosureId);
    if (!canComment(actor, meta)) throw new ForbiddenError(records.actions.comment);
    const content = await loadContent(tx, meta);
    assertCommentable(content, input.anchorPath);
    const anchorRowId = anchorOf(content, input.anchorPath).rowId ?? null;
    const [comment] = await tx
      .insert(reviewComments)
      .values({ disclosureId, anchorPath: input.anchorPath, anchorRowId, body, authorId: actor.id })
      .returning({ id: reviewComments.id });
    await appendAudit(tx, {
      actorId: actor.id,
      ip: input.ip,
      action: "comment.add",
      entityType: "disclosure",
      entityId: disclosureId,
      detail: { commentId: comment.id, anchorPath: input.anchorPath, anchorRowId, body },
    });
    return comment;
  });
}

async function threadRoot(tx: Db, commentId: string) {
  const [root] = await tx
    .select()
    .from(reviewComments)
    .where(and(eq(reviewComments.id, commentId), isNull(reviewComments.parentId)));
  if (!root) throw new NotFoundError(records.things.comment);
  return root;
}

/** A reply sits where its thread does. */
export async function replyToComment(
  db: Db,
  actor: Actor,
  commentId: string,
  input: { body: string; ip?: string | null },
): Promise<{ id: string; disclosureId: string }> {
  const body = input.body.trim();
  if (!body) throw new UserError(records.review.replyRequired);
  return db.transaction(async (tx) => {
    const root = await threadRoot(tx, commentId);
    const meta = await getDisclosureMeta(tx, actor, root.disclosureId);
    if (!canAnswerComment(actor, meta)) throw new ForbiddenError(records.actions.reply);
    const [reply] = await tx
      .insert(reviewComments)
      .values({
        disclosureId: root.disclosureId,
        anchorPath: root.anchorPath,
        anchorRowId: root.anchorRowId,
        parentId: root.id,
        body,
        authorId: actor.id,
      })
      .returning({ id: reviewComments.id });
    await appendAudit(tx, {
      actorId: actor.id,
      ip: input.ip,
      action: "comment.reply",
      entityType: "disclosure",
      entityId: root.disclosureId,
      detail: { commentId: reply.id, parentId: root.id, body },
    });
    return { id: reply.id, disclosureId: root.disclosureId };
  });
}

/** Resolve (or reopen) a thread. Only a thread's first comment carries the state. */
export async function setCommentResolved(
  db: Db,
  actor: Actor,
  commentId: string,
  resolved: boolean,
  ip?: string | null,
): Promise<{ disclosureId: string }> {
  return db.transaction(async (tx) => {
    const root = await threadRoot(tx, commentId);
    const meta = await getDisclosureMeta(tx, actor, root.disclosureId);
    if (!canAnswerComment(actor, meta))
      throw new ForbiddenError(resolved ? records.actions.resolve : records.actions.reopen);
    // Conditional on the current state, so two people resolving at once write one audit row.
    const changed = await tx
      .update(reviewComments)
      .set(resolved ? { resolvedAt: new Date(), resolvedBy: actor.id } : { resolvedAt: null, resolvedBy: null })
      .where(
        and(
          eq(reviewComments.id, root.id),
          resolved ? isNull(reviewComments.resolvedAt) : sql`${reviewComments.resolvedAt} is not null`,
        ),
      )
      .returning({ id: reviewComments.id });
    if (changed.length > 0)
      await appendAudit(tx, {
        actorId: actor.id,
        ip,
        action: resolved ? "comment.resolve" : "comment.reopen",
        entityType: "disclosure",
        entityId: root.disclosureId,
        detail: { commentId: root.id },
      });
    return { disclosureId: root.disclosureId };
  });
}

/** Open and total threads per disclosure, for the queue; only disclosures in the actor's scope. */
export async function commentCounts(
  db: Db,
  actor: Actor,
  disclosureIds: readonly string[],
): Promise<Map<string, { open: number; total: number }>> {
  if (disclosureIds.length === 0) return new Map();
  const rows = await db
    .select({
      disclosureId: reviewComments.disclosureId,
      open: sql<number>`count(*) filter (where ${reviewComments.resolvedAt} is null)::int`,
      total: sql<number>`count(*)::int`,
    })
    .from(reviewComments)
    .innerJoin(disclosures, eq(disclosures.id, reviewComments.disclosureId))
    .where(
      and(
        inArray(reviewComments.disclosureId, [...disclosureIds]),
        isNull(reviewComments.parentId),
        readScope(actor, disclosures.departmentId),
      ),
    )
    .groupBy(reviewComments.disclosureId);
  return new Map(rows.map((r) => [r.disclosureId, { open: r.open, total: r.total }]));
}

export async function listWarningExplanations(db: Db, actor: Actor, disclosureId: string) {
  await getDisclosureMeta(db, actor, disclosureId);
  return db
    .select()
    .from(warningExplanations)
    .where(eq(warningExplanations.disclosureId, disclosureId))
    .orderBy(asc(warningExplanations.path));
}

/**
 * Keep warnings of one rule with a written reason (empty text withdraws it): one warning, or
 * several at once (the clerk ticks the hints of a rule that share a reason). One transaction; an
 * audit row per warning, so the log reads as if each had been explained on its own.
 */
export async function setWarningExplanation(
  db: Db,
  actor: Actor,
  disclosureId: string,
  input: { ruleId: string; paths: ReadonlyArray<string>; explanation: string; ip?: string | null },
): Promise<void> {
  const explanation = input.explanation.trim();
  const paths = [...new Set(input.paths)];
  if (paths.length === 0) return;
  await db.transaction(async (tx) => {
    await getDisclosureMeta(tx, actor, disclosureId);
    if (!explanation)
      await tx
        .delete(warningExplanations)
        .where(
          and(
            eq(warningExplanations.disclosureId, disclosureId),
            eq(warningExplanations.ruleId, input.ruleId),
            inArray(warningExplanations.path, paths),
          ),
        );
    else
      await tx
        .insert(warningExplanations)
        .values(paths.map((path) => ({ disclosureId, ruleId: input.ruleId, path, explanation, explainedBy: actor.id })))
        .onConflictDoUpdate({
          target: [warningExplanations.disclosureId, warningExplanations.ruleId, warningExplanations.path],
          set: { explanation, explainedBy: actor.id, explainedAt: new Date() },
        });
    for (const path of paths)
      await appendAudit(tx, {
        actorId: actor.id,
        ip: input.ip,
        action: "disclosure.explain-warning",
        entityType: "disclosure",
        entityId: disclosureId,
        detail: { ruleId: input.ruleId, path, explanation },
      });
  });
}

/** Each return of the disclosure, newest first, with the reason's label and who returned it. */
export async function listReturns(db: Db, actor: Actor, disclosureId: string) {
  await getDisclosureMeta(db, actor, disclosureId);
  return db
    .select({
      id: disclosureReturns.id,
      version: disclosureReturns.version,
      reasonCode: disclosureReturns.reasonCode,
      reasonLabel: returnReasons.label,
      note: disclosureReturns.note,
      returnedBy: disclosureReturns.returnedBy,
      returnedByName: users.displayName,
      returnedAt: disclosureReturns.returnedAt,
    })
    .from(disclosureReturns)
    .innerJoin(returnReasons, eq(returnReasons.code, disclosureReturns.reasonCode))
    .innerJoin(users, eq(users.id, disclosureReturns.returnedBy))
    .where(eq(disclosureReturns.disclosureId, disclosureId))
    .orderBy(desc(disclosureReturns.returnedAt));
}

/**
 * The bureau's last word on the disclosure as it stands, for the clerk's banner: the return that
 * sent it back (reason and note), or the approval (with the approver's opinion, kept in the
 * approval's append-only audit row). Null in any other state.
 */
export type Decision =
  | { kind: "returned"; reasonLabel: string; note: string; by: string; at: Date }
  | { kind: "approved"; opinion: string; by: string | null; at: Date };

export async function lastDecision(db: Db, actor: Actor, disclosureId: string): Promise<Decision | null> {
  const meta = await getDisclosureMeta(db, actor, disclosureId);
  if (meta.state === "returned") {
    const [last] = await listReturns(db, actor, disclosureId);
    return last
      ? {
          kind: "returned",
          reasonLabel: last.reasonLabel,
          note: last.note,
          by: last.returnedByName,
          at: last.returnedAt,
        }
      : null;
  }
  if (meta.state !== "approved" && meta.state !== "published") return null;
  const [approval] = await db
    .select({ detail: auditLog.detail, at: auditLog.at, by: users.displayName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.entityType, "disclosure"),
        eq(auditLog.entityId, disclosureId),
        eq(auditLog.action, "disclosure.approve"),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1);
  if (!approval) return null;
  const opinion = typeof approval.detail.opinion === "string" ? approval.detail.opinion : "";
  return { kind: "approved", opinion, by: approval.by, at: approval.at };
}
