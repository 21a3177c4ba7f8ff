import { and, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import type { DisclosureState } from "@/lib/workflow/states";
import { toCanonical, type EditableDisclosure } from "@/lib/domain/editable";
import { checkDisclosure } from "@/lib/rules/engine";
import { submitBlockers } from "@/lib/rules/submit-gate";
import { guardsMessage, stepRefusal, stepVerb } from "@/lib/workflow/messages";
import {
  needsFindings,
  transitionOf,
  unmetGuards,
  type GuardFacts,
  type GuardId,
  type WorkflowStep,
} from "@/lib/workflow/transitions";
import type { Db } from "../client";
import { ConflictError, ForbiddenError, UserError, StateError } from "@/lib/errors";
import { disclosures } from "../schema/disclosures";
import { disclosureReturns, disclosureSubmissions, reviewComments, warningExplanations } from "../schema/review";
import { returnReasons } from "../schema/settings";
import { appendAudit } from "./audit";
import {
  getDisclosureMeta,
  loadContent,
  lockDisclosure,
  type DisclosureListItem,
  type DisclosureMeta,
} from "./disclosures";
import { notify } from "./notices";
import { draftScope, readScope } from "./scope";
import { loadCheckOptions } from "./settings";
import { targetQualityNote } from "./target-quality";
import { TARGET_QUALITY_REASON } from "@/lib/rules/target-quality";

/**
 * Moves disclosures along lib/workflow/transitions.ts, the one table of the workflow's rules, every
 * step alike, publishing and corrections included. In one transaction: the row is locked; the step
 * must start from its state, at the version the caller saw; the table's `who` (separation of
 * duties included) must allow the actor on the locked row; its guards must hold of the content as
 * it is now; then the row is updated conditionally (state, version and scope in the where) and
 * what the step leaves behind is written with its audit row. Two people racing: the second waits
 * on the lock, then finds the state moved and is told so.
 *
 * What a step writes besides the row comes in as hooks: the submission's snapshot, the return and
 * the notices here; the published snapshot and files, or the new revision, from publishing.ts.
 */

export type { WorkflowStep };
export type TransitionOptions = { expectedVersion: number; ip?: string | null };
export type ReturnOptions = TransitionOptions & { reasonCode: string; note?: string };
/** The approver's opinion (审核意见) goes with the approval: into its audit row and the clerks' notice. */
export type ApproveOptions = TransitionOptions & { opinion?: string };
export type TransitionResult = { version: number; state: DisclosureState };
/** The steps that only move the state (a return also needs a reason; publishing is publishing.ts's). */
export type PlainStep = Exclude<WorkflowStep, "return" | "publish" | "openRevision">;

/**
 * The demo seed records the real 2020 disclosure, published before this system existed, by walking
 * it through the workflow as it was. Its findings were never the bureau's to refuse, so that walk
 * alone may skip the findings guards; the audit row says it did. No operation passes this.
 */
export type FindingsWaiver = "imported-publication";
type StepOptions = TransitionOptions & { reasonCode?: string; note?: string; opinion?: string; waive?: FindingsWaiver };

/**
 * The row once it has moved, for the step's hooks: what it was (`meta`), its version now, when,
 * the audit detail so far, and its content (read once per step, as the guards read it).
 */
export type MovedRow = {
  meta: DisclosureMeta;
  version: number;
  at: Date;
  detail: Record<string, unknown>;
  content: () => Promise<EditableDisclosure>;
};

/**
 * What a step brings to applyStep besides the table's row. `check` may refuse on the locked row,
 * before anything is written; `after` writes what the step leaves behind, in the same transaction,
 * may add to the audit row's detail, and returns the step's result.
 */
export type StepHooks<R> = {
  check?: (tx: Db, locked: DisclosureMeta) => Promise<void>;
  after: (tx: Db, moved: MovedRow) => Promise<R>;
};

const FINDINGS_GUARDS: readonly GuardId[] = ["noErrorFindings", "warningsExplained"];

const openCommentsOf = (disclosureId: string) =>
  and(
    eq(reviewComments.disclosureId, disclosureId),
    isNull(reviewComments.parentId),
    isNull(reviewComments.resolvedAt),
  );

export async function countOpenComments(db: Db, disclosureId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reviewComments)
    .where(openCommentsOf(disclosureId));
  return row.n;
}

/** Errors and unexplained warnings of the content as stored now, with the admin's rule policy. */
export async function findingFacts(
  db: Db,
  disclosureId: string,
  content: EditableDisclosure,
): Promise<Pick<GuardFacts, "errorFindings" | "unexplainedWarnings">> {
  // One after another: `db` is the transition's transaction, one connection (pg 9 refuses overlapping queries on it).
  const options = await loadCheckOptions(db, content.fiscalYear, content.department.code);
  const explained = await db
    .select({
      ruleId: warningExplanations.ruleId,
      path: warningExplanations.path,
      explanation: warningExplanations.explanation,
    })
    .from(warningExplanations)
    .where(eq(warningExplanations.disclosureId, disclosureId));
  // The same gate as the editor's list beside the button (lib/rules/submit-gate.ts).
  const blockers = submitBlockers(checkDisclosure(toCanonical(content), options), explained);
  return { errorFindings: blockers.errors.length, unexplainedWarnings: blockers.unexplained.length };
}

async function isActiveReason(db: Db, code: string | undefined): Promise<boolean> {
  if (!code) return false;
  const [reason] = await db
    .select({ code: returnReasons.code })
    .from(returnReasons)
    .where(and(eq(returnReasons.code, code), eq(returnReasons.active, true)));
  return !!reason;
}

async function gatherFacts(
  tx: Db,
  meta: DisclosureListItem,
  step: WorkflowStep,
  opts: StepOptions,
  content: () => Promise<EditableDisclosure>,
): Promise<GuardFacts> {
  const guards = transitionOf(step).guards;
  const findings =
    needsFindings(step) && !opts.waive
      ? await findingFacts(tx, meta.id, await content())
      : { errorFindings: 0, unexplainedWarnings: 0 };
  const comments =
    guards.includes("hasOpenComment") || guards.includes("noOpenComments") ? await countOpenComments(tx, meta.id) : 0;
  return {
    ...findings,
    openComments: comments,
    reasonValid: guards.includes("reasonGiven") ? await isActiveReason(tx, opts.reasonCode) : true,
  };
}

/**
 * The table's conditions on a row: the step starts from its state, at the version the caller saw,
 * and its `who` allows this person. On the locked row inside the step; publishing also asks it of
 * a plain read first, so that a request bound to be refused never waits for a render.
 */
export function checkStep(actor: Actor, row: DisclosureMeta, step: WorkflowStep, expectedVersion: number): void {
  const rule = transitionOf(step);
  if (!rule.from.includes(row.state)) throw new StateError(row.state, stepVerb(step));
  if (row.version !== expectedVersion) throw new ConflictError(expectedVersion, row.version);
  if (!rule.who(actor, row)) throw new ForbiddenError(stepRefusal(step));
}

/** Moves one disclosure one step inside the caller's transaction. */
export async function applyStep<R>(
  tx: Db,
  actor: Actor,
  disclosureId: string,
  step: WorkflowStep,
  opts: StepOptions,
  hooks: StepHooks<R>,
): Promise<R> {
  const rule = transitionOf(step);
  await lockDisclosure(tx, actor, disclosureId);
  // Everyone who ever saved it counts as a drafter (separation of duties): read with the row locked.
  const meta = await getDisclosureMeta(tx, actor, disclosureId);
  checkStep(actor, meta, step, opts.expectedVersion);

  let content: EditableDisclosure | undefined;
  const loadOnce = async () => (content ??= await loadContent(tx, meta));
  const unmet = unmetGuards(step, await gatherFacts(tx, meta, step, opts, loadOnce));
  if (unmet.length > 0) throw new UserError(guardsMessage(unmet));
  await hooks.check?.(tx, meta);

  const scope: SQL =
    rule.scope === "draft" ? draftScope(actor, disclosures.departmentId) : readScope(actor, disclosures.departmentId);
  const now = new Date();
  // A step that opens a new revision leaves this row in its state; its version still moves, so the
  // same click twice is a conflict, and the audit row accounts for it.
  const [moved] = await tx
    .update(disclosures)
    .set({
      state: rule.newRevision ? meta.state : rule.to,
      version: sql`${disclosures.version} + 1`,
      updatedAt: now,
      ...stamps(step, actor.id, now),
    })
    .where(
      and(
        eq(disclosures.id, disclosureId),
        eq(disclosures.version, opts.expectedVersion),
        inArray(disclosures.state, [...rule.from]),
        scope,
      ),
    )
    .returning({ version: disclosures.version, state: disclosures.state });
  // Unreachable while the row is locked; the where states the contract all the same.
  if (!moved) throw new ConflictError(opts.expectedVersion, meta.version);

  const detail: Record<string, unknown> = {
    from: meta.state,
    to: rule.to,
    fromVersion: meta.version,
    version: moved.version,
  };
  if (opts.waive)
    detail.waived = { guards: rule.guards.filter((g) => FINDINGS_GUARDS.includes(g)), because: opts.waive };
  const result = await hooks.after(tx, { meta, version: moved.version, at: now, detail, content: loadOnce });
  await appendAudit(tx, {
    actorId: actor.id,
    ip: opts.ip,
    action: `disclosure.${step}`,
    entityType: "disclosure",
    entityId: disclosureId,
    detail,
  });
  return result;
}

function stamps(step: WorkflowStep, actorId: string, now: Date): Partial<typeof disclosures.$inferInsert> {
  if (step === "submit") return { submittedAt: now, submittedBy: actorId };
  if (step === "approve") return { approvedAt: now, approvedBy: actorId };
  if (step === "publish") return { publishedAt: now, publishedBy: actorId };
  return {};
}

/** What a plain step or a return leaves behind besides the state: the submission's snapshot, the return, the notices. */
function plainHooks(actor: Actor, step: PlainStep | "return", opts: StepOptions): StepHooks<TransitionResult> {
  return {
    after: async (tx, { meta, version, detail, content }) => {
      await afterStep(tx, actor, meta, step, version, opts, detail, content);
      return { version, state: transitionOf(step).to };
    },
  };
}

async function afterStep(
  tx: Db,
  actor: Actor,
  meta: DisclosureMeta,
  step: PlainStep | "return",
  version: number,
  opts: StepOptions,
  detail: Record<string, unknown>,
  content: () => Promise<EditableDisclosure>,
): Promise<void> {
  const base = { disclosureId: meta.id, actorId: actor.id };
  if (step === "submit") {
    const [submission] = await tx
      .insert(disclosureSubmissions)
      .values({
        disclosureId: meta.id,
        version,
        content: (await content()) as unknown as Record<string, unknown>,
        submittedBy: actor.id,
      })
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
    await tx
      .insert(disclosureReturns)
      .values({ disclosureId: meta.id, version, reasonCode: opts.reasonCode!, note, returnedBy: actor.id });
    const [reason] = await tx
      .select({ label: returnReasons.label })
      .from(returnReasons)
      .where(eq(returnReasons.code, opts.reasonCode!));
    Object.assign(detail, {
      reasonCode: opts.reasonCode,
      reasonLabel: reason.label,
      note,
      openComments: await countOpenComments(tx, meta.id),
    });
    await notify(tx, {
      ...base,
      kind: "returned",
      to: { departmentClerks: meta.departmentId },
      detail: { reasonLabel: reason.label, note },
    });
  } else if (step === "approve") {
    // The audit row is the approval's record (append-only); the clerk's banner reads it there (review.ts approvalOf).
    const opinion = opts.opinion?.trim() ?? "";
    if (opinion) detail.opinion = opinion;
    await notify(tx, {
      ...base,
      kind: "approved",
      to: { departmentClerks: meta.departmentId },
      detail: opinion ? { opinion } : {},
    });
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
  return db.transaction((tx) => applyStep(tx, actor, disclosureId, step, opts, plainHooks(actor, step, opts)));
}

/** Approves the disclosure, with the approver's opinion (may be empty) kept in the audit row and the notice. */
export async function approveDisclosure(
  db: Db,
  actor: Actor,
  disclosureId: string,
  input: ApproveOptions,
): Promise<TransitionResult> {
  return db.transaction((tx) =>
    applyStep(tx, actor, disclosureId, "approve", input, plainHooks(actor, "approve", input)),
  );
}

/** Returns the disclosure to its department with a reason code and a note; needs an open comment. */
export async function returnDisclosure(
  db: Db,
  actor: Actor,
  disclosureId: string,
  input: ReturnOptions,
): Promise<TransitionResult> {
  const opts: StepOptions = { ...input };
  return db.transaction((tx) =>
    applyStep(tx, actor, disclosureId, "return", opts, {
      ...plainHooks(actor, "return", opts),
      // 绩效目标质量 quotes the projects graded 中 or 差 as the server grades the locked content now.
      check: async (tx, locked) => {
        if (opts.reasonCode === TARGET_QUALITY_REASON)
          opts.note = await targetQualityNote(tx, await loadContent(tx, locked), opts.note ?? "");
      },
    }),
  );
}
