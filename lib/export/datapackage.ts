import type { Disclosure } from "../domain/model";
import type { NameOf } from "../render/budget-tables";
import { budgetTableRows, TABLE_ROW_COLUMNS } from "./budget-table-rows";
import { sumAmounts } from "../domain/money";
import { portalMessages } from "../i18n/zh-CN/portal";
import { csvText } from "./csv";
import type { SheetColumn, SheetValue } from "./sheet-tables";

/**
 * The disclosure's figures as an Open Fiscal Data Package (OpenSpending's `datapackage.json` with a
 * `model` of measures and dimensions over one CSV), so civic-tech tools can load and compare
 * departments and years without scraping the Word file.
 *
 * Rows are leaves only (人员经费, not 基本支出; 一般公共预算收入, not 收入合计): a package's amounts
 * are summed by whoever loads it, and a total beside its parts would count twice. The 三公 and
 * procurement rows break the same expenditure down another way, so each row says which statement
 * it comes from; sum within one statement.
 */

export const BUDGET_CSV = "data/budget.csv";
/** The standard tables' figures (budget-table-rows.ts): present only for a disclosure with tables. */
export const TABLES_CSV = "data/budget-tables.csv";

type BudgetRow = {
  statement: "budget" | "three-public" | "procurement";
  direction: "revenue" | "expenditure";
  code: string;
  name: string;
  project: string;
  amount: string | null;
  prior: string | null;
};

const COLUMNS: ReadonlyArray<SheetColumn & { name: string; type: string; title: string; description?: string }> = [
  { name: "fiscal_year", type: "year", title: "预算年度", header: "fiscal_year", kind: "count", width: 0 },
  { name: "department_code", type: "string", title: "部门编码", header: "department_code", kind: "text", width: 0 },
  { name: "department_name", type: "string", title: "部门名称", header: "department_name", kind: "text", width: 0 },
  {
    name: "statement",
    type: "string",
    title: "表",
    description: "budget 收支总表 · three-public 三公经费 · procurement 政府采购",
    header: "statement",
    kind: "text",
    width: 0,
  },
  { name: "direction", type: "string", title: "收支方向", header: "direction", kind: "text", width: 0 },
  {
    name: "category_code",
    type: "string",
    title: "科目编码",
    description: "本表科目代码；政府采购为政府采购目录序号",
    header: "category_code",
    kind: "text",
    width: 0,
  },
  { name: "category_name", type: "string", title: "科目名称", header: "category_name", kind: "text", width: 0 },
  { name: "project", type: "string", title: "项目名称", header: "project", kind: "text", width: 0 },
  { name: "amount", type: "number", title: "本年预算（万元）", header: "amount", kind: "amount", width: 0 },
  {
    name: "prior_year_amount",
    type: "number",
    title: "上年预算（万元）",
    header: "prior_year_amount",
    kind: "amount",
    width: 0,
  },
];

function rows(d: Disclosure): BudgetRow[] {
  const { income: i, expenditure: e } = d.budget;
  const tp = d.threePublic;
  const budget = (
    direction: BudgetRow["direction"],
    code: string,
    name: string,
    amount: string | null,
    prior: string | null = null,
  ): BudgetRow => ({
    statement: "budget",
    direction,
    code,
    name,
    project: "",
    amount,
    prior,
  });
  const threePublic = (code: keyof typeof tp.current, name: string): BudgetRow => ({
    statement: "three-public",
    direction: "expenditure",
    code,
    name,
    project: "",
    amount: tp.current[code],
    prior: tp.priorYear[code],
  });
  return [
    budget("revenue", "generalPublicBudget", "一般公共预算收入", i.generalPublicBudget),
    budget("revenue", "governmentFund", "基金预算收入", i.governmentFund),
    budget("revenue", "fiscalSpecialAccount", "财政专户核拨收入", i.fiscalSpecialAccount),
    budget("revenue", "other", "其他来源收入", i.other),
    budget("expenditure", "personnel", "人员经费", e.personnel),
    budget("expenditure", "publicOperating", "日常公用经费", e.publicOperating),
    // Last year's budget is known only as 基本支出 and 项目支出, so only 项目支出 carries it here.
    budget("expenditure", "project", "项目支出", e.project, d.budget.priorYear.project),
    budget("expenditure", "other", "其他支出", e.other),
    threePublic("outbound", "因公出国（境）费"),
    threePublic("vehiclePurchase", "公务用车购置费"),
    threePublic("vehicleOperation", "公务用车运维费"),
    threePublic("reception", "公务接待费"),
    ...d.procurement.items.map(
      (item): BudgetRow => ({
        statement: "procurement",
        direction: "expenditure",
        code: item.catalogCode,
        name: item.item,
        project: item.project,
        amount:
          item.amount ??
          sumAmounts([
            item.funding.generalPublicBudget,
            item.funding.governmentFund,
            item.funding.fiscalSpecialAccount,
            item.funding.other,
          ]).toFixed(2),
        prior: null,
      }),
    ),
  ];
}

/**
 * Each field exactly as the disclosure has it, for the programs a data package is for: a procurement
 * item named "=2.00次" is =2.00次 here, not the ="=2.00次" the CSV downloads for people carry
 * (csv.ts), which a program would have to know to unwrap. The descriptor tells a person who opens
 * the file in a spreadsheet instead to import it as text.
 */
function budgetCsv(d: Disclosure): string {
  const values = rows(d).map((r): SheetValue[] => [
    d.fiscalYear,
    d.department.code,
    d.department.name,
    r.statement,
    r.direction,
    r.code,
    r.name,
    r.project,
    r.amount,
    r.prior,
  ]);
  return csvText(COLUMNS, values, "programs");
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "") || "department";

/**
 * The tables' resource and its part of the model: measure and dimensions that name their resource,
 * so a loader keeps the tables' figures apart from budget.csv's (the same money, counted another way).
 */
function tablesPackage() {
  const attribute = (source: string, extra: Record<string, string> = {}) => ({
    source,
    resource: "budget-tables",
    ...extra,
  });
  const classification = (type: "functional" | "economic" | "administrative", prefix: string) => ({
    dimensionType: "classification",
    classificationType: type,
    attributes: { code: attribute(`${prefix}_code`), name: attribute(`${prefix}_name`, { labelfor: "code" }) },
    primaryKey: ["code"],
  });
  return {
    resource: {
      name: "budget-tables",
      path: TABLES_CSV,
      description: `${portalMessages.budgetTables.dataPackageTables}${portalMessages.dataPackageRawText}`,
      profile: "tabular-data-resource",
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      schema: {
        fields: TABLE_ROW_COLUMNS.map((c) => ({
          name: c.name,
          title: c.header,
          type: c.type,
          ...(c.columnType ? { columnType: c.columnType } : {}),
        })),
        missingValues: [""],
      },
    },
    measures: {
      table_amount: {
        source: "amount",
        resource: "budget-tables",
        currency: "CNY",
        factor: 10000,
        title: "本年预算（部门预算公开表）",
      },
    },
    dimensions: {
      "functional-classification": classification("functional", "functional_classification"),
      "economic-classification": classification("economic", "economic_classification"),
      "administrative-classification": classification("administrative", "administrative_classification"),
      "budget-table": {
        dimensionType: "other",
        attributes: { number: attribute("table_number"), title: attribute("table_title", { labelfor: "number" }) },
        primaryKey: ["number"],
      },
    },
  };
}

export function datapackageDescriptor(d: Disclosure) {
  const attribute = (source: string, extra: Record<string, string> = {}) => ({ source, ...extra });
  const descriptor = {
    name: `${slug(d.department.code)}-${d.fiscalYear}-budget`,
    title: d.title,
    profile: "fiscal-data-package",
    countryCode: "CN",
    fiscalPeriod: { start: `${d.fiscalYear}-01-01`, end: `${d.fiscalYear}-12-31` },
    resources: [
      {
        name: "budget",
        path: BUDGET_CSV,
        description: portalMessages.dataPackageRawText,
        profile: "tabular-data-resource",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        schema: {
          fields: COLUMNS.map((c) => ({
            name: c.name,
            title: c.title,
            type: c.type,
            ...(c.description ? { description: c.description } : {}),
          })),
          missingValues: [""],
        },
      },
    ],
    model: {
      // Amounts are in 万元 (10,000 yuan), as published: factor says so instead of rescaling.
      measures: {
        amount: { source: "amount", currency: "CNY", factor: 10000, title: "本年预算" },
        prior_year_amount: { source: "prior_year_amount", currency: "CNY", factor: 10000, title: "上年预算" },
      },
      dimensions: {
        date: { dimensionType: "datetime", attributes: { year: attribute("fiscal_year") }, primaryKey: ["year"] },
        department: {
          dimensionType: "entity",
          attributes: { code: attribute("department_code"), name: attribute("department_name", { labelfor: "code" }) },
          primaryKey: ["code"],
        },
        statement: {
          dimensionType: "other",
          attributes: { statement: attribute("statement") },
          primaryKey: ["statement"],
        },
        direction: {
          dimensionType: "other",
          attributes: { direction: attribute("direction") },
          primaryKey: ["direction"],
        },
        category: {
          dimensionType: "classification",
          attributes: { code: attribute("category_code"), name: attribute("category_name", { labelfor: "code" }) },
          primaryKey: ["code"],
        },
        project: { dimensionType: "activity", attributes: { name: attribute("project") }, primaryKey: ["name"] },
      },
    },
  };
  if (!d.tables) return descriptor;
  // A disclosure with the standard tables: their resource after budget.csv, the model extended.
  const t = tablesPackage();
  return {
    ...descriptor,
    resources: [...descriptor.resources, t.resource],
    model: {
      measures: { ...descriptor.model.measures, ...t.measures },
      dimensions: { ...descriptor.model.dimensions, ...t.dimensions },
    },
  };
}

/** The package as files: `datapackage.json` and the CSV it describes, by path inside the package. */
export function renderDatapackage(d: Disclosure, nameOf?: NameOf): Record<string, Uint8Array> {
  const encoder = new TextEncoder();
  return {
    "datapackage.json": encoder.encode(`${JSON.stringify(datapackageDescriptor(d), null, 2)}\n`),
    // No byte-order mark: this CSV is for programs, which read UTF-8 as declared.
    [BUDGET_CSV]: encoder.encode(budgetCsv(d)),
    ...(d.tables
      ? {
          [TABLES_CSV]: encoder.encode(
            csvText(
              TABLE_ROW_COLUMNS.map((c) => ({ ...c, header: c.name })),
              budgetTableRows(d, nameOf),
              "programs",
            ),
          ),
        }
      : {}),
  };
}
