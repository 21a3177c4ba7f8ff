import { showsScoringStandard } from "../domain/frameworks";
import { sections as sectionTitles, type Disclosure, type SectionId } from "../domain/model";
import {
  assetsSentence,
  budgetChangeSentence,
  budgetIntroSentence,
  expenditureSentence,
  incomeSentence,
  operatingExpensesSentence,
  procurementSentence,
  threePublicSentence,
} from "./narrative";
import { portalMessages } from "../i18n/zh-CN/portal";
import { budgetTableBlocks, type NameOf } from "./budget-tables";
import { chineseNumber, type Block, type DocumentOutline, type Section } from "./outline";
import { assetsTable, indicatorTables, orgUnitsTable, procurementTable } from "./tables";

/**
 * The outline of a disclosure in the order and wording of the 2020 三河 fixture. Every exporter
 * renders this, so a change of layout is made here once.
 */

const paragraph = (text: string): Block => ({ kind: "paragraph", text, indent: true });
const plain = (text: string): Block => ({ kind: "paragraph", text, indent: false });
const heading = (level: 2 | 3, text: string): Block => ({ kind: "heading", level, text });

/** Free text the clerk typed may hold several paragraphs; each prints as its own. */
function paragraphs(text: string): Block[] {
  return text
    .split(/\r?\n/)
    .map((t) => t.trim())
    .filter((t) => t !== "")
    .map(paragraph);
}

function organisation(d: Disclosure): Block[] {
  return [
    plain("部门职责："),
    { kind: "list", items: d.responsibilities.map((text, i) => ({ label: `（${chineseNumber(i + 1)}）`, text })) },
    plain("机构设置："),
    { kind: "caption", text: "部门机构设置情况" },
    { kind: "table", table: orgUnitsTable(d) },
  ];
}

function budget(d: Disclosure): Block[] {
  return [
    paragraph(budgetIntroSentence(d)),
    heading(2, "1、收入说明"),
    paragraph(incomeSentence(d)),
    heading(2, "2、支出说明"),
    paragraph(expenditureSentence(d)),
    heading(2, "3、比上年增减变化情况"),
    paragraph(budgetChangeSentence(d)),
  ];
}

function performance(d: Disclosure): Block[] {
  const p = d.performance;
  const subGoals = p.subGoals.flatMap((g, i): Block[] => [
    heading(3, `${i + 1}、${g.title}`),
    paragraph(`绩效目标：${g.goal}`),
    paragraph(`绩效指标：${g.indicators}`),
  ]);
  // A safeguard prints as one paragraph led by its title, as the fixture has it.
  const safeguards = p.safeguards.map((s, i) => paragraph(`${i + 1}、${s.title}。${s.text}`));
  const tables = indicatorTables(p.projects, showsScoringStandard(p));
  const projects = p.projects.flatMap((project, i): Block[] => [
    { kind: "caption", text: `${i + 1}、${project.name}绩效目标表` },
    { kind: "table", table: tables[i] },
  ]);
  return [
    heading(2, "第一部分 部门整体绩效目标"),
    heading(3, "总体绩效目标"),
    ...paragraphs(p.overallGoal),
    heading(3, "分项绩效目标"),
    ...subGoals,
    heading(3, "工作保障措施"),
    ...safeguards,
    heading(2, "第二部分 资金绩效目标"),
    ...projects,
  ];
}

function sectionBlocks(id: SectionId, d: Disclosure): Block[] {
  switch (id) {
    case "organisation":
      return organisation(d);
    case "budget":
      return budget(d);
    case "operatingExpenses":
      return [paragraph(operatingExpensesSentence(d))];
    case "threePublic":
      return [paragraph(threePublicSentence(d))];
    case "performance":
      return performance(d);
    case "procurement":
      return [
        paragraph(procurementSentence(d)),
        ...(d.procurement.items.length === 0
          ? []
          : ([
              { kind: "caption", text: "部门政府采购预算" },
              { kind: "table", table: procurementTable(d) },
            ] as Block[])),
      ];
    case "assets":
      return [
        paragraph(assetsSentence(d)),
        { kind: "caption", text: "部门固定资产占用情况表" },
        { kind: "table", table: assetsTable(d) },
      ];
    case "glossary":
      return [
        {
          kind: "list",
          items: d.glossary.map((g, i) => ({ label: `${i + 1}、`, text: `${g.term}：${g.definition}` })),
        },
      ];
    case "otherMatters":
      return paragraphs(d.otherMatters);
    case "tables":
      // The budget tables are printed after the text, not as one of its sections.
      return [];
  }
}

export type OutlineOptions = {
  /** The year's classification names for the tables' 类 and 款 subtotal rows (else the disclosure's own). */
  nameOf?: NameOf;
};

export function documentOutline(d: Disclosure, options: OutlineOptions = {}): DocumentOutline {
  // The tables are the editor's section 附, not a text section: they follow the text as its appendix.
  const sections: Section[] = sectionTitles
    .filter((s) => s.id !== "tables")
    .map((s) => ({
      id: s.id,
      number: s.number,
      heading: `${s.number}、${s.title}`,
      blocks: sectionBlocks(s.id, d),
    }));
  // The standard tables follow the text; a disclosure without them prints exactly as before.
  if (!d.tables) return { title: d.title, preamble: d.preamble, sections };
  const appendix = {
    id: "tables" as const,
    heading: portalMessages.budgetTables.heading(d.fiscalYear),
    blocks: budgetTableBlocks(d, options.nameOf),
  };
  return { title: d.title, preamble: d.preamble, sections, appendix };
}

/** Every table of the outline, in document order: for tests and for the portal's table index. */
export function outlineTables(outline: DocumentOutline) {
  return [...outline.sections, ...(outline.appendix ? [outline.appendix] : [])].flatMap((s) =>
    s.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : [])),
  );
}
