import type { ReactNode } from "react";
import { budgetTables, isEmptyTable } from "@/lib/domain/budget-tables";
import { sections, type Disclosure, type SectionId } from "@/lib/domain/model";
import { sectionIndexOf } from "@/lib/domain/paths";
import { zhCN } from "@/lib/i18n/zh-CN";
import type { Finding } from "@/lib/rules/finding";
import { Amount } from "@/components/amount";

const m = zhCN.imports.preview;

const indicatorCount = (d: Disclosure) => d.performance.projects.reduce((n, p) => n + p.indicators.length, 0);

/** What each of the nine sections holds, in a few words: the clerk checks the file was read whole. */
function sectionContent(d: Disclosure, id: SectionId): { filled: boolean; text: ReactNode } {
  const amount = (value: string | null) => (value === null ? null : <Amount value={value} unit />);
  switch (id) {
    case "organisation":
      return {
        filled: d.responsibilities.length + d.orgUnits.length > 0,
        text: `${m.counts.responsibilities(d.responsibilities.length)}，${m.counts.orgUnits(d.orgUnits.length)}`,
      };
    case "budget":
      return { filled: d.budget.expenditure.total !== null, text: amount(d.budget.expenditure.total) };
    case "operatingExpenses":
      return { filled: d.operatingExpenses.amount !== null, text: amount(d.operatingExpenses.amount) };
    case "threePublic":
      return { filled: d.threePublic.current.total !== null, text: amount(d.threePublic.current.total) };
    case "performance":
      return {
        filled: d.performance.projects.length > 0 || d.performance.overallGoal !== "",
        text: m.counts.projects(d.performance.projects.length, indicatorCount(d)),
      };
    case "procurement":
      return {
        filled: d.procurement.items.length > 0 || d.procurement.total !== null,
        text: zhCN.disclosure.procurementItems(d.procurement.items.length),
      };
    case "assets":
      return { filled: d.assets.fixedAssetsTotal !== null, text: amount(d.assets.fixedAssetsTotal) };
    case "glossary":
      return { filled: d.glossary.length > 0, text: zhCN.disclosure.glossaryCount(d.glossary.length) };
    case "otherMatters":
      return { filled: d.otherMatters.trim() !== "", text: null };
    case "tables": {
      const shown = budgetTables.filter((def) => d.tables && !isEmptyTable(d.tables[def.id])).length;
      return { filled: shown > 0, text: shown > 0 ? zhCN.budgetTables.filledCount(shown) : null };
    }
  }
}

/**
 * The nine sections with what was read in each and how many checks fail there, so a section the
 * importer missed (empty where the file has text) stands out before the clerk accepts.
 */
export function SectionSummary({ disclosure, findings }: { disclosure: Disclosure; findings: ReadonlyArray<Finding> }) {
  const findingsBySection = new Map<number, number>();
  for (const f of findings)
    if (f.severity !== "info")
      findingsBySection.set(sectionIndexOf(f.path), (findingsBySection.get(sectionIndexOf(f.path)) ?? 0) + 1);
  return (
    <ol
      className="grid gap-px overflow-hidden rounded-lg border border-slate-200 bg-slate-200 sm:grid-cols-2 xl:grid-cols-3"
      data-testid="section-summary"
    >
      {sections.map((s, index) => {
        const { filled, text } = sectionContent(disclosure, s.id);
        const failing = findingsBySection.get(index) ?? 0;
        return (
          <li key={s.id} className="flex min-w-0 items-start gap-3 bg-white px-4 py-3">
            <span
              aria-hidden
              className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-xs ${filled ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-500"}`}
            >
              {filled ? "✓" : "–"}
            </span>
            <div className="min-w-0">
              <p className="truncate text-sm font-medium text-slate-900" title={`${s.number}、${s.title}`}>
                {s.number}、{s.title}
              </p>
              <p className="mt-0.5 text-sm text-slate-600">
                {filled ? (text ?? m.counts.filled) : <span className="text-slate-500">{m.counts.empty}</span>}
                {failing > 0 ? (
                  <span className="ml-2 text-xs text-amber-800">{m.findingsInSection(failing)}</span>
                ) : null}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
