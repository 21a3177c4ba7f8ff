import { asc, eq, inArray } from "drizzle-orm";
import { isPlainObject } from "@/lib/domain/json";
import { documentHeading, emptyDisclosure, sections, type Department } from "@/lib/domain/model";
import { removeTextFaults } from "@/lib/domain/text-hygiene";
import { keepValid } from "@/lib/editor/keep-valid";
import type { Db } from "../client";
import {
  editableDisclosure,
  type EditableDisclosure,
  type EditableIndicator,
  type EditableProcurementItem,
} from "@/lib/domain/editable";
import { disclosureSections, indicators, procurementItems, projectFunds } from "../schema/disclosures";

/**
 * How a canonical disclosure lies in the tables: each section's non-repeating content as jsonb in
 * disclosure_sections (keyed as model.ts `sections`, the budget tables' section 附 "tables" among them,
 * plus "header" for the `documentHeading` fields), the repeating rows in their own tables. department, fiscalYear and performance.framework are columns
 * of the disclosure row and are not stored twice.
 */
export const HEADER_SECTION = "header";

export type ProjectRow = typeof projectFunds.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect;
export type ProcurementRow = typeof procurementItems.$inferSelect;
export type SectionContent = { sectionId: string; content: Record<string, unknown> };

export type StoredContent = {
  sections: Map<string, Record<string, unknown>>;
  projects: ProjectRow[];
  indicators: IndicatorRow[];
  procurement: ProcurementRow[];
};

/** The disclosure's non-repeating content, one entry per section. */
export function toSectionContents(d: EditableDisclosure): SectionContent[] {
  const out: SectionContent[] = [
    {
      sectionId: HEADER_SECTION,
      content: Object.fromEntries(documentHeading.fields.map((field) => [field, d[field]])),
    },
  ];
  for (const section of sections) {
    const content: Record<string, unknown> = {};
    // A field the disclosure lacks (`tables` before any are drafted) is stored as absent, so
    // removing it is a change that is saved.
    for (const field of section.fields) if (d[field] !== undefined) content[field] = d[field];
    out.push({ sectionId: section.id, content });
  }
  // Rows live in their own tables and the framework on the disclosure row; the rest is kept whole,
  // so a field the model gains is stored without a change here.
  const { projects: _projects, framework: _framework, ...performance } = d.performance;
  const { items: _items, ...procurement } = d.procurement;
  out.find((s) => s.sectionId === "performance")!.content = { performance };
  out.find((s) => s.sectionId === "procurement")!.content = { procurement };
  return out;
}

export type DisclosureIdentity = { department: Department; fiscalYear: number; frameworkId: string };

/** The canonical disclosure (with row ids) from what the tables hold; zod-checked on the way out. */
export function assembleDisclosure(identity: DisclosureIdentity, stored: StoredContent): EditableDisclosure {
  const base = emptyDisclosure(identity.department, identity.fiscalYear, identity.frameworkId);
  const overlay: Record<string, unknown> = {};
  for (const content of stored.sections.values()) Object.assign(overlay, content);
  const performance = (overlay.performance ?? {}) as Record<string, unknown>;
  const procurement = (overlay.procurement ?? {}) as Record<string, unknown>;

  const indicatorsByProject = new Map<string, EditableIndicator[]>();
  for (const row of stored.indicators) {
    const list = indicatorsByProject.get(row.projectId) ?? [];
    list.push(fromIndicatorRow(row));
    indicatorsByProject.set(row.projectId, list);
  }
  const projects = stored.projects.map((p) => ({
    id: p.id,
    name: p.name,
    amount: p.amount,
    goal: p.goal,
    indicators: indicatorsByProject.get(p.id) ?? [],
  }));

  return parseStored({
    ...base,
    ...overlay,
    schemaVersion: 1,
    department: identity.department,
    fiscalYear: identity.fiscalYear,
    performance: { ...base.performance, ...performance, framework: identity.frameworkId, projects },
    procurement: { ...base.procurement, ...procurement, items: stored.procurement.map(fromProcurementRow) },
  });
}

const withoutTextFaults = (value: unknown): unknown =>
  typeof value === "string"
    ? removeTextFaults(value)
    : Array.isArray(value)
      ? value.map(withoutTextFaults)
      : isPlainObject(value)
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutTextFaults(v)]))
        : value;

/**
 * Content stored before a rule of the model tightened (issue 13: a direction override, a 1e308
 * weight or a 301-digit area could be saved until then) still opens, rather than failing every
 * page of its disclosure: the characters no text may hold are removed and a figure the model no
 * longer takes is emptied, as the clerk's next save then stores. Logged, so it is seen.
 */
function parseStored(candidate: unknown): EditableDisclosure {
  const parsed = editableDisclosure.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const cleaned = withoutTextFaults(candidate) as EditableDisclosure;
  const kept = keepValid(editableDisclosure, cleaned, cleaned);
  console.warn(
    `[content] stored content read with refused characters removed and ${Object.keys(kept.invalid).length} field(s) emptied: ${Object.keys(kept.invalid).slice(0, 5).join(", ")}`,
  );
  return editableDisclosure.parse(kept.value);
}

function fromIndicatorRow(row: IndicatorRow): EditableIndicator {
  return {
    id: row.id,
    level1: row.level1,
    level2: row.level2,
    name: row.name,
    description: row.description,
    target: { raw: row.targetRaw, ...row.target } as EditableIndicator["target"],
    basis: row.basis,
    // Absent and null mean the same (no 权重 column in the source); the canonical form omits them.
    ...(row.weight != null ? { weight: row.weight } : {}),
    ...(row.direction != null ? { direction: row.direction } : {}),
    // '' and absent mean the same (no 评（扣）分标准 column, as in every 2020 table).
    ...(row.scoringStandard !== "" ? { scoringStandard: row.scoringStandard } : {}),
  };
}

function fromProcurementRow(row: ProcurementRow): EditableProcurementItem {
  return {
    id: row.id,
    project: row.project,
    projectBudget: row.projectBudget,
    item: row.item,
    catalogCode: row.catalogCode,
    unit: row.unit,
    quantity: row.quantity,
    unitPrice: row.unitPrice,
    amount: row.amount,
    funding: {
      generalPublicBudget: row.fundingGeneralPublicBudget,
      governmentFund: row.fundingGovernmentFund,
      fiscalSpecialAccount: row.fundingFiscalSpecialAccount,
      other: row.fundingOther,
    },
    // Always stated, null when none: the importer reads the column on every line.
    otherChannels: row.otherChannels,
  };
}

// Row builders: the exact column values a canonical row becomes, given the id it has been given.

export function toProjectRow(
  d: EditableDisclosure["performance"]["projects"][number],
  id: string,
  disclosureId: string,
  position: number,
): ProjectRow {
  return { id, disclosureId, position, name: d.name, amount: d.amount, goal: d.goal };
}

export function toIndicatorRow(i: EditableIndicator, id: string, projectId: string, position: number): IndicatorRow {
  const { raw, ...parsed } = i.target;
  return {
    id,
    projectId,
    position,
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    description: i.description,
    targetRaw: raw,
    target: parsed,
    basis: i.basis,
    weight: i.weight ?? null,
    direction: i.direction ?? null,
    scoringStandard: i.scoringStandard ?? "",
  };
}

export function toProcurementRow(
  p: EditableProcurementItem,
  id: string,
  disclosureId: string,
  position: number,
): ProcurementRow {
  return {
    id,
    disclosureId,
    position,
    project: p.project,
    projectBudget: p.projectBudget,
    item: p.item,
    catalogCode: p.catalogCode,
    unit: p.unit,
    quantity: p.quantity,
    unitPrice: p.unitPrice,
    amount: p.amount,
    fundingGeneralPublicBudget: p.funding.generalPublicBudget,
    fundingGovernmentFund: p.funding.governmentFund,
    fundingFiscalSpecialAccount: p.funding.fiscalSpecialAccount,
    fundingOther: p.funding.other,
    otherChannels: p.otherChannels ?? null,
  };
}

/**
 * Row equality as the database sees it: key order and jsonb's reordering do not matter, and a key
 * whose value is undefined is no key at all (as in JSON). Compared in place rather than through
 * stableStringify: an autosave compares every one of a large disclosure's rows.
 */
export function sameRow(a: object, b: object): boolean {
  return jsonEqual(a, b);
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const x = jsonValue(a);
  const y = jsonValue(b);
  if (x === y) return true;
  if (x === null || y === null || typeof x !== "object" || typeof y !== "object") return false;
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    return x.every((v, i) => jsonEqual(v ?? null, y[i] ?? null));
  }
  const keys = (o: object) => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined);
  const xk = keys(x);
  if (xk.length !== keys(y).length) return false;
  return xk.every(
    (k) => Object.hasOwn(y, k) && jsonEqual((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]),
  );
}

/** What JSON.stringify would write for a value: a Date as its ISO text. */
function jsonValue(v: unknown): unknown {
  return v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function"
    ? (v as { toJSON: () => unknown }).toJSON()
    : v;
}

/** Everything stored for one disclosure, rows in their order. */
export async function readStoredContent(db: Db, disclosureId: string): Promise<StoredContent> {
  // One after another: inside a transaction they share one connection, which takes one query at a time.
  const sectionRows = await db
    .select()
    .from(disclosureSections)
    .where(eq(disclosureSections.disclosureId, disclosureId));
  const projects = await db
    .select()
    .from(projectFunds)
    .where(eq(projectFunds.disclosureId, disclosureId))
    .orderBy(asc(projectFunds.position));
  const procurement = await db
    .select()
    .from(procurementItems)
    .where(eq(procurementItems.disclosureId, disclosureId))
    .orderBy(asc(procurementItems.position));
  // By the disclosure, not by a list of its project ids: no statement grows with the content.
  const indicatorRows =
    projects.length === 0
      ? []
      : await db
          .select()
          .from(indicators)
          .where(
            inArray(
              indicators.projectId,
              db.select({ id: projectFunds.id }).from(projectFunds).where(eq(projectFunds.disclosureId, disclosureId)),
            ),
          )
          .orderBy(asc(indicators.position));
  return {
    sections: new Map(sectionRows.map((s) => [s.sectionId, s.content])),
    projects,
    indicators: indicatorRows,
    procurement,
  };
}
