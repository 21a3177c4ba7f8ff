import { and, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { checkDisclosure } from "@/lib/rules/engine";
import { guardsMessage, stepVerb } from "@/lib/workflow/messages";
import { needsFindings, transitionOf, unmetGuards, type GuardFacts, type GuardId, type WorkflowStep } from "@/lib/workflow/transitions";
import type { Db } from "../client";
import { toCanonical, type EditableDisclosure } from "../disclosure-shape";
import { ConflictError, ForbiddenError, InvalidInputError, StateError } from "../errors";
import { disclosures } from "../schema/disclosures";
import { disclosureReturns, disclosureSubmissions, reviewComments, warningExplanations } from "../schema/review";
import { returnReasons } from "../schema/settings";
import { appendAudit } from "./audit";
import { getDisclosureMeta, loadContent, lockDisclosure, type DisclosureListItem, type DisclosureState } from "./disclosures";
import { notify } from "./notices";
import { draftScope, readScope } from "./scope";
import { customFrameworks, ruleSeverities } from "./settings";

/**
 * Moves disclosures along lib/workflow/transitions.ts, the one table of the workflow's rules. In
 * one transaction: the row is locked; the step must start from its state, at the version the
 * caller saw; the table's `who` (lib/auth/policy.ts, separation of duties included) must allow
 * the actor on the locked row; its guards must hold of the content as it is now; then the row is
 * updated conditionally (state, version and scope in the where) and the audit row, the submission
 * snapshot, the return and the notices are written. Two people racing: the second waits on the
 * lock, then finds the state moved and is told so.
 *
 * Publishing and new revisions also write snapshots and rows of their own (publishing.ts).
 */

export type { WorkflowStep };
export type TransitionOptions = { expectedVersion: number; ip?: string | null };
export type ReturnOptions = TransitionOptions & { reasonCode: string; note?: string };
export type TransitionResult = { version: number; state: DisclosureState };
/** The steps that only move the state (a return also needs a reason; publishing is publishing.ts's). */
export type PlainStep = Exclude<WorkflowStep, "return" | "publish" | "openRevision">;

/**
 * The demo seed records the real 2020 disclosure, published before this system existed, by walking
 * it through the workflow as it was. Its findings were never the bureau's to refuse, so that walk
 * alone may skip the findings guards; the audit row says it did. No operation passes this.
 */
export type FindingsWaiver = "imported-publication";
type StepOptions = TransitionOptions & { reasonCode?: string; note?: string; waive?: FindingsWaiver };

const FINDINGS_GUARDS: readonly GuardId[] = ["noErrorFindings", "warningsExplained"];

const openCommentsOf = (disclosureId: string) =>
  and(eq(reviewComments.disclosureId, disclosureId), isNull(reviewComments.parentId), isNull(reviewComments.resolvedAt));

export async function countOpenComments(db: Db, disclosureId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(reviewComments).where(openCommentsOf(disclosureId));
  return row.n;
}

/** Errors and unexplained warnings of the content as stored now, with the admin's rule policy. */
export async function findingFacts(db: Db, disclosureId: string, content: EditableDisclosure): Promise<Pick<GuardFacts, "errorFindings" | "unexplainedWarnings">> {
  // One after another: `db` is the transition's transaction, one connection (pg 9 refuses overlapping queries on it).
  const severities = await ruleSeverities(db);
  const frameworks = await customFrameworks(db);
  const explained = await db.select({ ruleId: warningExplanations.ruleId, path: warningExplanations.path }).from(warningExplanations).where(eq(warningExplanations.disclosureId, disclosureId));
  const findings = checkDisclosure(toCanonical(content), { severities, frameworks });
  const kept = new Set(explained.map((e) => `${e.ruleId}\u0000${e.path}`));
  return {
    errorFindings: findings.filter((f) => f.severity === "error").length,
    unexplainedWarnings: findings.filter((f) => f.severity === "warning" && !kept.has(`${f.rule}\u0000${f.path}`)).length,
  };
}

async function isActiveReason(db: Db, code: string | undefined): Promise<boolean> {
  if (!code) return false;
  const [reason] = await db.select({ code: returnReasons.code }).from(returnReasons).where(and(eq(returnReasons.code, code), eq(returnReasons.active, true)));
  return !!reason;
}

async function gatherFacts(tx: Db, meta: DisclosureListItem, step: WorkflowStep, opts: StepOptions, content: () => Promise<EditableDisclosure>): Promise<GuardFacts> {
  const guards = transitionOf(step).guards;
  const findings = needsFindings(step) && !opts.waive ? await findingFacts(tx, meta.id, await content()) : { errorFindings: 0, unexplainedWarnings: 0 };
  const comments = guards.includes("hasOpenComment") || guards.includes("noOpenComments") ? await countOpenComments(tx, meta.id) : 0;
  return { ...findings, openComments: comments, reasonValid: guards.includes("reasonGiven") ? await isActiveReason(tx, opts.reasonCode) : true };
}

/** Moves one disclosure one step inside the caller's transaction. */
export async function applyStep(tx: Db, actor: Actor, disclosureId: string, step: WorkflowStep, opts: StepOptions): Promise<TransitionResult> {
  const rule = transitionOf(step);
  if (rule.newRevision || step === "publish") throw new Error(`${step} is publishing.ts's: it writes a snapshot or a new revision`);
  const locked = await lockDisclosure(tx, actor, disclosureId);
  if (!rule.from.includes(locked.state)) throw new StateError(locked.state, stepVerb(step));
  if (locked.version !== opts.expectedVersion) throw new ConflictError(opts.expectedVersion, locked.version);
  // Everyone who ever saved it counts as a drafter (separation of duties): read with the row locked.
  const meta = await getDisclosureMeta(tx, actor, disclosureId);
  if (!rule.who(actor, meta)) throw new ForbiddenError(`${stepVerb(step)}该信息公开`);

  let content: EditableDisclosure | undefined;
  const loadOnce = async () => (content ??= await loadContent(tx, meta));
  const unmet = unmetGuards(step, await gatherFacts(tx, meta, step, opts, loadOnce));
  if (unmet.length > 0) throw new InvalidInputError(guardsMessage(unmet));

  const scope: SQL = rule.scope === "draft" ? draftScope(actor, disclosures.departmentId) : readScope(actor, disclosures.departmentId);
  const now = new Date();
  const [moved] = await tx
    .update(disclosures)
    .set({ state: rule.to, version: sql`${disclosures.version} + 1`, updatedAt: now, ...stamps(step, actor.id, now) })
    .where(and(eq(disclosures.id, disclosureId), eq(disclosures.version, opts.expectedVersion), inArray(disclosures.state, [...rule.from]), scope))
    .returning({ version: disclosures.version, state: disclosures.state });
  // Unreachable while the row is locked; the where states the contract all the same.
  if (!moved) throw new ConflictError(opts.expectedVersion, locked.version);

  const detail: Record<string, unknown> = { from: locked.state, to: moved.state, fromVersion: locked.version, version: moved.version };
  if (opts.waive) detail.waived = { guards: rule.guards.filter((g) => FINDINGS_GUARDS.includes(g)), because: opts.waive };
  await afterStep(tx, actor, meta, step, moved.version, opts, detail, loadOnce);
  await appendAudit(tx, { actorId: actor.id, ip: opts.ip, action: `disclosure.${step}`, entityType: "disclosure", entityId: disclosureId, detail });
  return moved;
}

function stamps(step: WorkflowStep, actorId: string, now: Date): Partial<typeof disclosures.$inferInsert> {
  if (step === "submit") return { submittedAt: now, submittedBy: actorId };
  if (step === "approve") return { approvedAt: now, approvedBy: actorId };
  return {};
}

/** What a step leaves behind besides the state: the submission's snapshot, the return, the notices. */
async function afterStep(
  tx: Db,
  actor: Actor,
  meta: DisclosureListItem,
  step: WorkflowStep,
  version: number,
  opts: StepOptions,
  detail: Record<string, unknown>,
  content: () => Promise<EditableDisclosure>,
): Promise<void> {
  const base = { disclosureId: meta.id, actorId: actor.id };
  if (step === "submit") {
    const [submission] = await tx
      .insert(disclosureSubmissions)
      .values({ disclosureId: meta.id, version, content: (await content()) as unknown as Record<string, unknown>, submittedBy: actor.id })
      .returning({ id: disclosureSubmissions.id });
    detail.submissionId = submission.id;
    // Back from a return: it comes back to the approver who returned it; a first submission waits for the desk.
    const [lastReturn] = await tx
      .select({ returnedBy: disclosureReturns.returnedBy })
      .from(disclosureReturns)
      .where(eq(disclosureReturns.disclosureId, meta.id))
      .orderBy(desc(disclosureReturns.returnedAt))
      .limit(1);
    if (lastReturn) await notify(tx, { ...base, kind: "resubmitted", to: { users: [lastReturn.returnedBy] } });
    else await notify(tx, { ...base, kind: "submitted", to: { deskApprovers: meta.departmentId } });
  } else if (step === "return") {
    const note = opts.note?.trim() ?? "";
    await tx.insert(disclosureReturns).values({ disclosureId: meta.id, version, reasonCode: opts.reasonCode!, note, returnedBy: actor.id });
    const [reason] = await tx.select({ label: returnReasons.label }).from(returnReasons).where(eq(returnReasons.code, opts.reasonCode!));
    Object.assign(detail, { reasonCode: opts.reasonCode, reasonLabel: reason.label, note, openComments: await countOpenComments(tx, meta.id) });
    await notify(tx, { ...base, kind: "returned", to: { departmentClerks: meta.departmentId }, detail: { reasonLabel: reason.label, note } });
  } else if (step === "approve") {
    await notify(tx, { ...base, kind: "approved", to: { departmentClerks: meta.departmentId } });
  }
}

/** submit, withdraw, startReview, approve: one step in its own transaction. */
export async function transitionDisclosure(
  db: Db,
  actor: Actor,
  disclosureId: string,
  step: PlainStep,
  opts: TransitionOptions & { waive?: FindingsWaiver },
): Promise<TransitionResult> {
  return db.transaction((tx) => applyStep(tx, actor, disclosureId, step, opts));
}

/** Returns the disclosure to its department with a reason code and a note; needs an open comment. */
export async function returnDisclosure(db: Db, actor: Actor, disclosureId: string, input: ReturnOptions): Promise<TransitionResult> {
  return db.transaction((tx) => applyStep(tx, actor, disclosureId, "return", input));
}
