import { sanhe2020Tables } from "@/lib/domain/__fixtures__/sanhe-2020-tables";
import {
  type Amounts,
  type BudgetTables,
  type ClassificationKind,
  emptyTables,
  inputColumns,
  type TableId,
  type TableRow,
  tableDefinitions,
} from "@/lib/domain/budget-tables";
import { money, sumAmounts, toAmount } from "@/lib/domain/money";
import { SHIPPED_CLASSIFICATION_YEARS, shippedCatalogue } from "./classification";
import type { DemoDepartment } from "./demo-departments";

/**
 * ILLUSTRATIVE — invented, not any department's published tables. The ten standard tables of a
 * demo department's 2021 disclosure, made from the 2020 fixture's (sanhe2020Tables, itself an
 * illustrative reconstruction) so that the text read from them (./synthetic.ts) has the figures the
 * demo has always shown:
 * - 基本支出: each 功能分类 and 经济分类 row's 人员经费 and 公用经费 scaled by the department's
 *   `scale`, the rounding's remainder on the largest row, so each column adds up to its scaled total;
 *   the fixture's 行政运行 stands under the department's own (`operationCode`);
 * - 项目支出: one 项目支出表 row per project, its `share` of the fixture's scaled project total (the
 *   last takes the remainder), under its own 功能分类 项;
 * - 上年预算数: 97% of each row's 基本支出 and 92% of its 项目支出, remainder likewise;
 * - "三公": the fixture's 运行维护费 scaled, 接待费 at half the scale, no car bought, no trip abroad;
 * - all of it 一般公共预算拨款; 政府性基金 and 国有资本经营 empty, with their 空表说明.
 */

const FIXTURE_OPERATION = "2010301";
const PRIOR_BASIC = "0.97";
const PRIOR_PROJECT = "0.92";
const ZERO = "0.00";

/** Each part times the factor, to the fen, the remainder on the largest: the parts add up to the whole scaled. */
export function scaleParts(parts: readonly string[], factor: string): string[] {
  const out = parts.map((p) => toAmount(money(p).times(factor)));
  if (out.length === 0) return out;
  const rest = money(toAmount(sumAmounts(parts).times(factor))).minus(sumAmounts(out));
  const largest = parts.reduce((at, p, i) => (money(p).gt(parts[at]) ? i : at), 0);
  out[largest] = toAmount(money(out[largest]).plus(rest));
  return out;
}

/** The department's projects with their amounts: shares of the fixture's project total scaled. */
function projectAmounts(dept: DemoDepartment, fixture: BudgetTables): { name: string; code: string; amount: string }[] {
  const total = toAmount(sumAmounts(fixture.project.rows.map((r) => r.amounts.generalPublicBudget)).times(dept.scale));
  const amounts = dept.projects.map((p) => toAmount(money(total).times(p.share)));
  amounts[amounts.length - 1] = toAmount(money(total).minus(sumAmounts(amounts.slice(0, -1))));
  return dept.projects.map((p, i) => ({ name: p.name, code: p.code, amount: amounts[i] }));
}

const scaleColumn = (rows: readonly TableRow[], key: string, factor: string) =>
  scaleParts(
    rows.map((r) => r.amounts[key] ?? ZERO),
    factor,
  );

type Line = { code: string; personnel: string; publicOperating: string; project: string };

/** The department's ten tables for the fiscal year, its codes named as that year's shipped catalogue names them. */
export function syntheticTables(dept: DemoDepartment, fiscalYear: number): BudgetTables {
  // A year before the first shipped sheet has no catalogue to check against: the first sheet names its codes.
  const catalogue = shippedCatalogue(fiscalYear) ?? shippedCatalogue(SHIPPED_CLASSIFICATION_YEARS[0]);
  // A code the year's catalogue lacks would fail tables.code-unknown: refuse it here, where it is made.
  const nameOf = (code: string, kind: ClassificationKind = "功能") => {
    const name = catalogue?.nameOf(kind, code);
    if (name === undefined)
      throw new Error(`demo department ${dept.code}: ${kind}分类 ${code} is not in the catalogue`);
    return name;
  };
  const fixture = sanhe2020Tables();
  const projects = projectAmounts(dept, fixture);

  // 基本支出 by 功能分类 项, scaled; then each project's amount under its own 项.
  const basicRows = fixture.expenditure.rows.filter((r) =>
    money(r.amounts.personnel ?? 0)
      .plus(r.amounts.publicOperating ?? 0)
      .gt(0),
  );
  const personnel = scaleColumn(basicRows, "personnel", dept.scale);
  const publicOperating = scaleColumn(basicRows, "publicOperating", dept.scale);
  const byCode = new Map<string, Line>();
  basicRows.forEach((r, i) => {
    const code = r.code === FIXTURE_OPERATION ? dept.operationCode : r.code;
    byCode.set(code, { code, personnel: personnel[i], publicOperating: publicOperating[i], project: ZERO });
  });
  for (const p of projects) {
    const line = byCode.get(p.code) ?? { code: p.code, personnel: ZERO, publicOperating: ZERO, project: ZERO };
    byCode.set(p.code, { ...line, project: toAmount(money(line.project).plus(p.amount)) });
  }
  const lines = [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  const basicOf = (l: Line) => toAmount(money(l.personnel).plus(l.publicOperating));
  const totalOf = (l: Line) => toAmount(money(basicOf(l)).plus(l.project));
  const priorBasic = scaleParts(lines.map(basicOf), PRIOR_BASIC);
  const priorProject = scaleParts(
    lines.map((l) => l.project),
    PRIOR_PROJECT,
  );
  const total = toAmount(sumAmounts(lines.map(totalOf)));

  const row = (code: string, amounts: Amounts, name = nameOf(code)): TableRow => ({ code, name, amounts });
  // A row or line of a table whose every figure is 一般公共预算拨款: the amount there, zero elsewhere.
  const onlyGeneral = (table: TableId, amount: string): Amounts =>
    Object.fromEntries(
      inputColumns(tableDefinitions[table].rows?.columns ?? []).map((c) => [
        c.key,
        c.key === "generalPublicBudget" ? amount : ZERO,
      ]),
    );
  const t = emptyTables();
  const generalLines = (table: TableId) =>
    Object.fromEntries(
      Object.keys(t[table].lines ?? {}).map((k) => [k, { amount: k === "generalPublicBudget" ? total : ZERO }]),
    );
  t.incomeExpenditure.lines = generalLines("incomeExpenditure");
  const classes = [...new Set(lines.map((l) => l.code.slice(0, 3)))];
  t.incomeExpenditure.rows = classes.map((c) =>
    row(c, { amount: toAmount(sumAmounts(lines.filter((l) => l.code.startsWith(c)).map(totalOf))) }),
  );
  t.income.rows = [row(`${dept.code}001`, onlyGeneral("income", total), dept.name)];
  t.expenditure.rows = lines.map((l) =>
    row(l.code, { personnel: l.personnel, publicOperating: l.publicOperating, project: l.project }),
  );
  t.appropriation.lines = generalLines("appropriation");
  t.appropriation.rows = lines.map((l) => row(l.code, onlyGeneral("appropriation", totalOf(l))));
  t.generalBudget.rows = lines.map((l, i) =>
    row(l.code, { priorBasic: priorBasic[i], priorProject: priorProject[i], basic: basicOf(l), project: l.project }),
  );
  const economic = fixture.generalBudgetBasic.rows;
  const economicPersonnel = scaleColumn(economic, "personnel", dept.scale);
  const economicOperating = scaleColumn(economic, "publicOperating", dept.scale);
  t.generalBudgetBasic.rows = economic.map((r, i) =>
    row(r.code, { personnel: economicPersonnel[i], publicOperating: economicOperating[i] }, nameOf(r.code, "经济")),
  );
  const three = fixture.threePublic.lines ?? {};
  const scaled = (line: string, factor: string) => ({
    current: toAmount(money(three[line]?.current ?? 0).times(factor)),
    priorYear: toAmount(money(three[line]?.priorYear ?? 0).times(factor)),
  });
  t.threePublic.lines = {
    outbound: { current: ZERO, priorYear: ZERO },
    vehiclePurchase: { current: ZERO, priorYear: ZERO },
    vehicleOperation: scaled("vehicleOperation", dept.scale),
    reception: scaled("reception", money(dept.scale).times("0.5").toString()),
  };
  t.project.rows = projects.map((p) => row(p.code, onlyGeneral("project", p.amount), p.name));
  return t;
}
