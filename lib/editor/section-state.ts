import { budgetTables, isEmptyTable } from "../domain/budget-tables";
import { documentHeading, sections, type Disclosure, type SectionId } from "../domain/model";
import { sectionIndexOf } from "../domain/paths";
import type { Finding } from "../rules/finding";

/**
 * What the side bar says about each of the nine sections, from the content and the findings only
 * (pure, so the browser and the tests agree):
 * - empty: nothing typed in it yet (its "please fill in" findings are what empty means);
 * - has errors: something typed is wrong (a sum that does not add up, an input that could not be
 *   read); a figure merely not filled in yet is not an error of this kind;
 * - complete: every figure and text the section needs is there, no error, and every warning in it
 *   is gone or explained;
 * - in progress: anything else.
 */
export type SectionState = "empty" | "in-progress" | "complete" | "errors";

export type SectionStatus = {
  id: SectionId;
  state: SectionState;
  errors: number;
  warnings: number;
  /** Warnings kept without a written explanation: they block submission. */
  unexplained: number;
};

/**
 * The section a path is edited in. The document's heading has no section of its own: its findings
 * count in the section it is edited with (model.ts `documentHeading`).
 */
export function sectionOfPath(path: string): SectionId {
  const index = sectionIndexOf(path);
  return index < 0 ? documentHeading.section : sections[index].id;
}

const blank = (text: string | null | undefined) => text == null || text.trim() === "";
const filled = (text: string | null | undefined) => !blank(text);
const all = (values: ReadonlyArray<string | number | null | undefined>) =>
  values.every((v) => v != null && (typeof v !== "string" || v.trim() !== ""));
const some = (values: ReadonlyArray<string | number | null | undefined>) =>
  values.some((v) => v != null && (typeof v !== "string" || v.trim() !== ""));

type Fill = { any: boolean; required: boolean };

/** Whether anything is typed in a section, and whether everything it needs is. */
function fillOf(d: Disclosure, id: SectionId): Fill {
  switch (id) {
    case "organisation": {
      const units = d.orgUnits.flatMap((u) => [u.name, u.nature, u.level, u.fundingForm]);
      return {
        any: d.responsibilities.some(filled) || d.orgUnits.length > 0 || filled(d.preamble),
        required:
          d.responsibilities.length > 0 && d.responsibilities.every(filled) && d.orgUnits.length > 0 && all(units),
      };
    }
    case "budget": {
      const { income: i, expenditure: e, priorYear: p } = d.budget;
      const figures = [
        i.total,
        i.generalPublicBudget,
        i.governmentFund,
        i.fiscalSpecialAccount,
        i.other,
        e.total,
        e.basic,
        e.personnel,
        e.publicOperating,
        e.project,
        e.other,
        p.total,
        p.basic,
        p.project,
      ];
      return { any: some(figures) || filled(e.projectHighlights), required: all(figures) };
    }
    case "operatingExpenses":
      return {
        any: some([d.operatingExpenses.amount, d.operatingExpenses.purposes]),
        required: all([d.operatingExpenses.amount, d.operatingExpenses.purposes]),
      };
    case "threePublic": {
      const years = [d.threePublic.current, d.threePublic.priorYear].flatMap((y) => [
        y.total,
        y.outbound,
        y.vehiclePurchase,
        y.vehicleOperation,
        y.reception,
      ]);
      return { any: some(years), required: all(years) };
    }
    case "performance": {
      const p = d.performance;
      return {
        any: filled(p.overallGoal) || p.subGoals.length > 0 || p.safeguards.length > 0 || p.projects.length > 0,
        required: filled(p.overallGoal) && p.projects.length > 0,
      };
    }
    case "procurement":
      return {
        any: d.procurement.total != null || d.procurement.items.length > 0,
        required: d.procurement.total != null,
      };
    case "assets": {
      const a = d.assets;
      const figures = [
        a.fixedAssetsTotal,
        a.plannedPurchase,
        a.buildings.value,
        a.officeBuildings.value,
        a.vehicles.value,
        a.other.value,
      ];
      return {
        any: some(figures) || filled(a.plannedPurchaseNote),
        required: all([a.fixedAssetsTotal, a.plannedPurchase]),
      };
    }
    case "glossary":
      return {
        any: d.glossary.length > 0,
        required: d.glossary.length > 0 && d.glossary.every((g) => filled(g.term) && filled(g.definition)),
      };
    case "otherMatters":
      return { any: filled(d.otherMatters), required: filled(d.otherMatters) };
    case "tables": {
      // Every table shows figures or says why it is empty (its 空表说明).
      const tables = d.tables;
      if (!tables) return { any: false, required: false };
      const shown = budgetTables.map((def) => !isEmptyTable(tables[def.id]) || filled(tables[def.id].emptyNote));
      return {
        any: budgetTables.some((def) => !isEmptyTable(tables[def.id])),
        required: shown.every(Boolean),
      };
    }
  }
}

/** "Please fill in …": the rules that only say a figure or text is still missing. */
export function isMissingFigure(f: Finding): boolean {
  return f.rule.endsWith(".required") || f.rule === "text.required-section";
}

export type StatusOptions = {
  /** Paths whose input could not be read (a typed amount that is not a number): errors too. */
  invalidPaths?: ReadonlyArray<string>;
  /** Whether a warning has a written explanation. */
  isExplained?: (finding: Finding) => boolean;
};

export function sectionStatuses(
  d: Disclosure,
  findings: ReadonlyArray<Finding>,
  opts: StatusOptions = {},
): SectionStatus[] {
  const isExplained = opts.isExplained ?? (() => false);
  const counts = new Map<SectionId, { errors: number; warnings: number; unexplained: number }>(
    sections.map((s) => [s.id, { errors: 0, warnings: 0, unexplained: 0 }]),
  );
  const wrong = new Map<SectionId, number>(sections.map((s) => [s.id, 0]));
  for (const f of findings) {
    const section = sectionOfPath(f.path);
    const c = counts.get(section)!;
    if (f.severity === "error") {
      c.errors++;
      if (!isMissingFigure(f)) wrong.set(section, wrong.get(section)! + 1);
    } else if (f.severity === "warning") {
      c.warnings++;
      if (!isExplained(f)) c.unexplained++;
    }
  }
  for (const path of opts.invalidPaths ?? []) {
    const section = sectionOfPath(path);
    counts.get(section)!.errors++;
    wrong.set(section, wrong.get(section)! + 1);
  }
  return sections.map(({ id }) => {
    const c = counts.get(id)!;
    const fill = fillOf(d, id);
    const state: SectionState =
      wrong.get(id)! > 0
        ? "errors"
        : !fill.any
          ? "empty"
          : fill.required && c.errors === 0 && c.unexplained === 0
            ? "complete"
            : "in-progress";
    return { id, state, ...c };
  });
}
