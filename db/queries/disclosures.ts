import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { rowLimitProblem } from "@/lib/domain/limits";
import { emptyDisclosure, type Department, type Disclosure } from "@/lib/domain/model";
import type { DisclosureState } from "@/lib/workflow/states";
import type { Db } from "../client";
import { editableDisclosure, toCanonical, type EditableDisclosure } from "@/lib/domain/editable";
import { UserError, NotFoundError } from "@/lib/errors";
import { auditLog } from "../schema/audit";
import { disclosures } from "../schema/disclosures";
import { departments } from "../schema/organisation";
import { fiscalYears } from "../schema/settings";
import { appendAudit } from "./audit";
import { assembleDisclosure, readStoredContent } from "./disclosure-content";
import { writeContent } from "./content-writer";
import { draftScope, readScope } from "./scope";
import { recordMessages as records } from "@/lib/i18n/zh-CN/records";

const metaColumns = {
  id: disclosures.id,
  departmentId: disclosures.departmentId,
  departmentCode: departments.code,
  departmentName: departments.name,
  fiscalYear: disclosures.fiscalYear,
  revision: disclosures.revision,
  state: disclosures.state,
  version: disclosures.version,
  frameworkId: disclosures.frameworkId,
  createdAt: disclosures.createdAt,
  createdBy: disclosures.createdBy,
  updatedAt: disclosures.updatedAt,
  updatedBy: disclosures.updatedBy,
  submittedAt: disclosures.submittedAt,
  submittedBy: disclosures.submittedBy,
  approvedAt: disclosures.approvedAt,
  approvedBy: disclosures.approvedBy,
  publishedAt: disclosures.publishedAt,
  publishedBy: disclosures.publishedBy,
  submissionDeadline: fiscalYears.submissionDeadline,
};

export type DisclosureListItem = {
  [K in keyof typeof metaColumns]: (typeof metaColumns)[K]["_"]["notNull"] extends true
    ? (typeof metaColumns)[K]["_"]["data"]
    : (typeof metaColumns)[K]["_"]["data"] | null;
};

/** A disclosure's row as policy and pages need it; `editorIds` are everyone who ever saved its content. */
export type DisclosureMeta = DisclosureListItem & { editorIds: string[] };

export type DisclosureFilter = { fiscalYear?: number; states?: readonly DisclosureState[]; departmentId?: string };

/** Every disclosure (each revision) of the departments the actor may read. */
export async function listDisclosuresForActor(
  db: Db,
  actor: Actor,
  filter: DisclosureFilter = {},
): Promise<DisclosureListItem[]> {
  return db
    .select(metaColumns)
    .from(disclosures)
    .innerJoin(departments, eq(departments.id, disclosures.departmentId))
    .innerJoin(fiscalYears, eq(fiscalYears.year, disclosures.fiscalYear))
    .where(
      and(
        readScope(actor, disclosures.departmentId),
        filter.fiscalYear === undefined ? undefined : eq(disclosures.fiscalYear, filter.fiscalYear),
        filter.states === undefined
          ? undefined
          : filter.states.length === 0
            ? sql`false`
            : inArray(disclosures.state, [...filter.states]),
        filter.departmentId === undefined ? undefined : eq(disclosures.departmentId, filter.departmentId),
      ),
    )
    .orderBy(desc(disclosures.fiscalYear), asc(departments.code), desc(disclosures.revision));
}

function selectMeta(db: Db, actor: Actor, disclosureId: string) {
  return db
    .select(metaColumns)
    .from(disclosures)
    .innerJoin(departments, eq(departments.id, disclosures.departmentId))
    .innerJoin(fiscalYears, eq(fiscalYears.year, disclosures.fiscalYear))
    .where(and(eq(disclosures.id, disclosureId), readScope(actor, disclosures.departmentId)));
}

/**
 * The disclosure's row locked for the rest of the transaction (select … for update), or
 * NotFoundError when it is absent or outside the actor's scope. Writers check state and version
 * on this row and then update it conditionally.
 */
export async function lockDisclosure(tx: Db, actor: Actor, disclosureId: string): Promise<DisclosureListItem> {
  const [row] = await selectMeta(tx, actor, disclosureId).for("update", { of: disclosures });
  if (!row) throw new NotFoundError();
  return row;
}

/** The disclosure's row, or NotFoundError when it is absent or outside the actor's scope. */
export async function getDisclosureMeta(db: Db, actor: Actor, disclosureId: string): Promise<DisclosureMeta> {
  const [row] = await selectMeta(db, actor, disclosureId);
  if (!row) throw new NotFoundError();
  const editors = await db
    .selectDistinct({ actorId: auditLog.actorId })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, "disclosure"),
        eq(auditLog.entityId, disclosureId),
        inArray(auditLog.action, ["disclosure.create", "disclosure.save"]),
      ),
    );
  return { ...row, editorIds: editors.flatMap((e) => (e.actorId ? [e.actorId] : [])) };
}

export async function loadContent(db: Db, meta: DisclosureListItem): Promise<EditableDisclosure> {
  const stored = await readStoredContent(db, meta.id);
  return assembleDisclosure(
    {
      department: { code: meta.departmentCode, name: meta.departmentName },
      fiscalYear: meta.fiscalYear,
      frameworkId: meta.frameworkId,
    },
    stored,
  );
}

/** For the forms and review comments: the content with each repeating row's id. */
export async function loadEditableDisclosure(
  db: Db,
  actor: Actor,
  disclosureId: string,
): Promise<{ meta: DisclosureMeta; content: EditableDisclosure }> {
  const meta = await getDisclosureMeta(db, actor, disclosureId);
  return { meta, content: await loadContent(db, meta) };
}

/** The canonical JSON (no row ids), zod-validated: for rules, exports and diffs. */
export async function loadDisclosure(db: Db, actor: Actor, disclosureId: string): Promise<Disclosure> {
  const { content } = await loadEditableDisclosure(db, actor, disclosureId);
  return toCanonical(content);
}

export type CreateDisclosureInput = {
  departmentId: string;
  fiscalYear: number;
  /** Initial content, e.g. last year's carried forward; a blank disclosure when absent. */
  content?: EditableDisclosure | Disclosure;
  /** Defaults to the fiscal year's framework, or the content's. */
  frameworkId?: string;
  ip?: string | null;
};

/** Starts revision 1 of a department's disclosure for a year, as a draft. */
export async function createDisclosure(
  db: Db,
  actor: Actor,
  input: CreateDisclosureInput,
): Promise<{ id: string; version: number }> {
  return db.transaction(async (tx) => {
    const [department] = await tx
      .select({ code: departments.code, name: departments.name })
      .from(departments)
      .where(and(eq(departments.id, input.departmentId), draftScope(actor, departments.id)));
    if (!department) throw new NotFoundError(records.things.department);
    const [year] = await tx.select().from(fiscalYears).where(eq(fiscalYears.year, input.fiscalYear));
    if (!year) throw new NotFoundError(records.things.fiscalYear(input.fiscalYear));
    const [existing] = await tx
      .select({ id: disclosures.id })
      .from(disclosures)
      .where(and(eq(disclosures.departmentId, input.departmentId), eq(disclosures.fiscalYear, input.fiscalYear)))
      .limit(1);
    if (existing) throw new UserError(records.disclosures.exists(department.name, input.fiscalYear));

    const frameworkId = input.frameworkId ?? input.content?.performance.framework ?? year.frameworkId;
    const content = input.content ?? emptyDisclosure(department, input.fiscalYear, frameworkId);
    return insertDisclosure(tx, actor, {
      departmentId: input.departmentId,
      department,
      fiscalYear: input.fiscalYear,
      revision: 1,
      frameworkId,
      content,
      ip: input.ip,
    });
  });
}

/**
 * Inserts a draft revision with its content (fresh row ids) and its audit row, inside the caller's
 * transaction. The row is the truth for department, year and framework; the content follows it.
 */
export async function insertDisclosure(
  tx: Db,
  actor: Actor,
  input: {
    departmentId: string;
    department: Department;
    fiscalYear: number;
    revision: number;
    frameworkId: string;
    content: EditableDisclosure | Disclosure;
    ip?: string | null;
    detail?: Record<string, unknown>;
  },
): Promise<{ id: string; version: number }> {
  const { department, fiscalYear, frameworkId } = input;
  // Refused in words, not as a schema failure: content made outside the editor (a sheet) may be over.
  const overLimit = rowLimitProblem(input.content);
  if (overLimit) throw new UserError(overLimit);
  const base = toCanonical(input.content);
  const content = editableDisclosure.parse({
    ...base,
    department,
    fiscalYear,
    performance: { ...base.performance, framework: frameworkId },
  });
  const [created] = await tx
    .insert(disclosures)
    .values({
      departmentId: input.departmentId,
      fiscalYear,
      revision: input.revision,
      frameworkId,
      createdBy: actor.id,
      updatedBy: actor.id,
    })
    .returning({ id: disclosures.id, version: disclosures.version });
  await writeContent(tx, created.id, actor.id, content, {
    sections: new Map(),
    projects: [],
    indicators: [],
    procurement: [],
  });
  await appendAudit(tx, {
    actorId: actor.id,
    ip: input.ip,
    action: "disclosure.create",
    entityType: "disclosure",
    entityId: created.id,
    detail: {
      departmentId: input.departmentId,
      fiscalYear,
      revision: input.revision,
      frameworkId,
      version: created.version,
      ...input.detail,
    },
  });
  return created;
}
