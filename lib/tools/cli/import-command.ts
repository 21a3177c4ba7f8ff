import { formatAmount } from "../../domain/money";
import type { Disclosure } from "../../domain/model";
import { EXIT_OK, type CliCommand } from "./command";
import { parseOptions, singleFile } from "./options";
import { readDisclosureFile } from "./read-disclosure";
import { withTablesOption } from "./read-tables";

export const importCommand: CliCommand = {
  name: "import",
  usage: "import FILE [--tables TABLES.xlsx] [--json]",
  summary: "读取公开文本、Word 文件或规范 JSON（--tables 同时读取预算公开表）；--json 输出规范 JSON，否则输出摘要",
  async run(args, io) {
    const { values, positionals } = parseOptions("import", args, {
      json: { type: "boolean" },
      tables: { type: "string" },
    });
    const file = singleFile("import", positionals);
    const read = await readDisclosureFile(file, io);
    const problems = read.problems;
    const disclosure = await withTablesOption(read.disclosure, values.tables as string | undefined, io);
    if (values.json) io.out(JSON.stringify(disclosure, null, 2));
    else for (const line of summary(disclosure, problems.length)) io.out(line);
    return EXIT_OK;
  },
};

const wan = (amount: string | null) => (amount === null ? "未填" : `${formatAmount(amount)} 万元`);

function summary(d: Disclosure, problemCount: number): string[] {
  const projects = d.performance.projects;
  const indicators = projects.reduce((n, p) => n + p.indicators.length, 0);
  return [
    d.title,
    `部门：${d.department.code || "（无编码）"} ${d.department.name}　年度：${d.fiscalYear}　指标体系：${d.performance.framework}`,
    `部门职责 ${d.responsibilities.length} 项，机构 ${d.orgUnits.length} 个`,
    `收入合计 ${wan(d.budget.income.total)}，支出合计 ${wan(d.budget.expenditure.total)}（基本支出 ${wan(d.budget.expenditure.basic)}，项目支出 ${wan(d.budget.expenditure.project)}）`,
    `机关运行经费 ${wan(d.operatingExpenses.amount)}；“三公”经费 ${wan(d.threePublic.current.total)}（上年 ${wan(d.threePublic.priorYear.total)}）`,
    `绩效：分项目标 ${d.performance.subGoals.length} 个，保障措施 ${d.performance.safeguards.length} 条，项目 ${projects.length} 个，绩效指标 ${indicators} 条`,
    `政府采购 ${d.procurement.items.length} 项，合计 ${wan(d.procurement.total)}；上年末固定资产 ${wan(d.assets.fixedAssetsTotal)}`,
    `名词解释 ${d.glossary.length} 条`,
    problemCount === 0 ? "导入完成，没有问题。" : `导入完成，有 ${problemCount} 处问题（见上方）。`,
  ];
}
