import { z } from "zod";
import {
  budgetTables,
  inputColumns,
  inputLines,
  type BudgetTables,
  type ColumnDefinition,
  type TableDefinition,
} from "./budget-tables";
import {
  amountDigitsProblem,
  countMessage,
  decimalDigitsProblem,
  MAX_COUNT,
  MAX_WEIGHT,
  procurementList,
  projectList,
  tableRowList,
  weightMessage,
} from "./limits";
import { normaliseText, textProblem } from "./text-hygiene";

/**
 * The canonical disclosure (lib/domain/spec/domain.md). One shape for the importer's output, the
 * forms, the database, the exporters and the tests. Amounts are two-decimal strings in 万元;
 * counts are numbers; absent facts are null.
 */

const AMOUNT_TEXT = /^-?\d+\.\d{2}$/;
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/**
 * A message from a check that returns one (null when the value passes), at the value's field.
 * zod's `.check` rather than `.superRefine`: it runs on every text of every autosave, and costs
 * half as much (about 0.2 µs a text with the normalisation: a 5,000-indicator disclosure, some
 * 35,000 texts, parses in about 7 ms more than without either).
 */
const problemCheck =
  <T>(problem: (value: T) => string | null) =>
  (ctx: { value: T; issues: z.core.$ZodRawIssue[] }) => {
    const message = problem(ctx.value);
    if (message) ctx.issues.push({ code: "custom", message, input: ctx.value });
  };

/** Figures stay within what a spreadsheet holds exactly (limits.ts). */
export const amount = z
  .string()
  .regex(AMOUNT_TEXT, { error: "金额须为两位小数的万元数，如 2765.39", abort: true })
  .check(problemCheck(amountDigitsProblem));
export const optionalAmount = amount.nullable();
/** Exact decimal text: the number of a 指标值 as written ("2.00", "95"). */
export const decimalText = z.string().regex(DECIMAL_TEXT, { error: "须为数字", abort: true });
/** A measured quantity that is not money (m² of buildings). */
export const measure = decimalText.check(problemCheck(decimalDigitsProblem));
const count = z.number().int().nonnegative().max(MAX_COUNT, countMessage);
/**
 * Every text of the disclosure, however it arrives (form, autosave, import): invisible characters
 * removed, and refused with its position when it holds what may not be stored (text-hygiene.ts).
 */
export const text = z.string().overwrite(normaliseText).check(problemCheck(textProblem));

export const department = z.object({
  code: text.min(1, "请填写部门编码"),
  name: text.min(1, "请填写部门名称"),
});

export const orgUnitNatures = ["行政", "参公", "事业"] as const;
export const fundingForms = ["财政拨款", "财政补助", "自收自支"] as const;

export const orgUnit = z.object({
  name: text,
  /** 单位性质: 行政 / 参公 / 事业 (kept as text: other documents spell it otherwise). */
  nature: text,
  /** 单位规格: 正科级 … */
  level: text,
  /** 经费保障形式: 财政拨款 / 财政补助 / 自收自支 */
  fundingForm: text,
});

export const incomeSources = ["generalPublicBudget", "governmentFund", "fiscalSpecialAccount", "other"] as const;
export type IncomeSource = (typeof incomeSources)[number];

const fundingSplit = z.object({
  generalPublicBudget: optionalAmount,
  governmentFund: optionalAmount,
  fiscalSpecialAccount: optionalAmount,
  other: optionalAmount,
});

export const budget = z.object({
  income: fundingSplit.extend({ total: optionalAmount }),
  expenditure: z.object({
    total: optionalAmount,
    basic: optionalAmount,
    personnel: optionalAmount,
    publicOperating: optionalAmount,
    project: optionalAmount,
    other: optionalAmount,
    /** The main projects named in the narrative: "市志编纂业务费、政务公开专项经费、…" */
    projectHighlights: text,
  }),
  priorYear: z.object({
    total: optionalAmount,
    basic: optionalAmount,
    project: optionalAmount,
  }),
  changeReasons: z.object({
    basic: text,
    project: text,
  }),
});

export const operatingExpenses = z.object({
  amount: optionalAmount,
  purposes: text,
});

export const threePublicYear = z.object({
  total: optionalAmount,
  outbound: optionalAmount,
  vehiclePurchase: optionalAmount,
  vehicleOperation: optionalAmount,
  reception: optionalAmount,
});

export const threePublic = z.object({
  current: threePublicYear,
  priorYear: threePublicYear,
  changeReasons: z.object({
    outbound: text,
    /** 公务用车购置及运维费, purchase and operation together as the disclosure explains them */
    vehicles: text,
    reception: text,
  }),
});

export const targetOperators = ["=", ">=", "<=", ">", "<"] as const;
export type TargetOperator = (typeof targetOperators)[number];

/** 指标值: the raw text is always kept beside the parsed form. */
export const target = z.discriminatedUnion("kind", [
  z.object({
    raw: text,
    kind: z.literal("quantitative"),
    operator: z.enum(targetOperators),
    /** The number exactly as written (full-width digits normalised): "2.00", "95", "0.10" */
    value: decimalText,
    unit: text,
  }),
  z.object({ raw: text, kind: z.literal("qualitative"), text: text }),
  z.object({ raw: text, kind: z.literal("unparsed") }),
]);

export const indicatorDirections = ["positive", "negative"] as const;

export const indicator = z.object({
  level1: text,
  level2: text,
  /** 三级指标: the metric's name */
  name: text,
  /** 绩效指标描述 */
  description: text,
  target,
  /** 指标值确定依据 */
  basis: text,
  /** 权重, where the source gives one */
  weight: z.number().min(0, weightMessage).max(MAX_WEIGHT, weightMessage).nullable().optional(),
  /** 指标方向性: 正向 / 反向 */
  direction: z.enum(indicatorDirections).nullable().optional(),
  /**
   * 评（扣）分标准 (财预〔2021〕101号): how the row is scored at the self-evaluation. Absent reads as
   * "": tables of the 2020 framework have no such column, and their canonical JSON keeps its shape.
   */
  scoringStandard: text.optional(),
});

export const projectFund = z.object({
  name: text,
  amount: optionalAmount,
  goal: text,
  indicators: z.array(indicator),
});

export const subGoal = z.object({ title: text, goal: text, indicators: text });
export const safeguard = z.object({ title: text, text: text });

export const performance = z.object({
  overallGoal: text,
  subGoals: z.array(subGoal),
  safeguards: z.array(safeguard),
  /** Id of the indicator framework the tables use ("2020", "2021"): see frameworks.ts */
  framework: z.string().min(1),
  projects: projectList(projectFund),
});

export const procurementItem = z.object({
  project: text,
  projectBudget: optionalAmount,
  item: text,
  /** 政府采购目录序号, e.g. A02030501 */
  catalogCode: text,
  unit: text,
  quantity: count.nullable(),
  unitPrice: optionalAmount,
  amount: optionalAmount,
  funding: fundingSplit,
  /** 其他渠道资金: money for the purchase from outside this year's department budget (the table's last column). */
  otherChannels: optionalAmount.optional(),
});

export const procurement = z.object({
  total: optionalAmount,
  items: procurementList(procurementItem),
});

const areaAndValue = z.object({ area: measure.nullable(), value: optionalAmount });
const countAndValue = z.object({ count: count.nullable(), value: optionalAmount });

export const assets = z.object({
  /** ISO date the fixed-asset figures are taken at (last year-end): "2019-12-31" */
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")
    .nullable(),
  fixedAssetsTotal: optionalAmount,
  plannedPurchase: optionalAmount,
  plannedPurchaseNote: text,
  buildings: areaAndValue,
  officeBuildings: areaAndValue,
  vehicles: countAndValue,
  equipmentOver200k: countAndValue,
  other: z.object({ value: optionalAmount }),
});

/**
 * One standard budget table (budget-tables.ts holds their definitions): its stored rows, each
 * with a code (a classification code, a 单位代码, or the 项目支出表 project's 功能分类 项), a name and
 * the table's input columns; its fixed lines where it has them; its 空表说明. Sums are never
 * stored: budget-tables.ts computes them.
 */
function amountsOf(columns: readonly ColumnDefinition[]) {
  return z.object(Object.fromEntries(inputColumns(columns).map((c) => [c.key, optionalAmount])));
}

function budgetTableSchema(def: TableDefinition) {
  const row = z.object({ code: text, name: text, amounts: amountsOf(def.rows?.columns ?? []) });
  const base = z.object({ rows: tableRowList(row), emptyNote: text });
  const spec = def.lines;
  if (!spec) return base;
  const line = amountsOf(spec.columns);
  return base.extend({
    lines: z.object(Object.fromEntries(inputLines(spec.lines).map((l) => [l.key, line]))),
  });
}

/** The standard tables, all ten when present; a disclosure without them (every one before issue 15) stays valid. */
export const budgetTablesSchema = z.object(
  Object.fromEntries(budgetTables.map((def) => [def.id, budgetTableSchema(def)])),
) as unknown as z.ZodType<BudgetTables>;

export const glossaryEntry = z.object({ term: text, definition: text });

export const disclosure = z.object({
  schemaVersion: z.literal(1),
  department,
  fiscalYear: z.number().int().min(2000).max(2100),
  title: text,
  preamble: text,
  responsibilities: z.array(text),
  orgUnits: z.array(orgUnit),
  budget,
  operatingExpenses,
  threePublic,
  performance,
  procurement,
  assets,
  glossary: z.array(glossaryEntry),
  otherMatters: text,
  /** The standard budget tables (部门收支总表 … 项目支出表), by classification code: budget-tables.ts. */
  tables: budgetTablesSchema.optional(),
});

export type Disclosure = z.infer<typeof disclosure>;
export type Department = z.infer<typeof department>;
export type OrgUnit = z.infer<typeof orgUnit>;
export type Budget = z.infer<typeof budget>;
export type OperatingExpenses = z.infer<typeof operatingExpenses>;
export type ThreePublic = z.infer<typeof threePublic>;
export type ThreePublicYear = z.infer<typeof threePublicYear>;
export type Target = z.infer<typeof target>;
export type Indicator = z.infer<typeof indicator>;
export type ProjectFund = z.infer<typeof projectFund>;
export type Performance = z.infer<typeof performance>;
export type ProcurementItem = z.infer<typeof procurementItem>;
export type Procurement = z.infer<typeof procurement>;
export type Assets = z.infer<typeof assets>;
export type GlossaryEntry = z.infer<typeof glossaryEntry>;

/**
 * The nine sections of the text in the order the disclosure prints them, then the budget tables
 * (附), each with the fields of the disclosure it holds. The keys are the section ids used by the forms, the side bar, review
 * comments and the database.
 */
export const sections = [
  { id: "organisation", number: "一", title: "部门职责及机构设置情况", fields: ["responsibilities", "orgUnits"] },
  { id: "budget", number: "二", title: "部门预算安排的总体情况", fields: ["budget"] },
  { id: "operatingExpenses", number: "三", title: "机关运行经费安排情况", fields: ["operatingExpenses"] },
  { id: "threePublic", number: "四", title: "财政拨款“三公”经费预算情况及增减变化原因", fields: ["threePublic"] },
  { id: "performance", number: "五", title: "预算绩效信息", fields: ["performance"] },
  { id: "procurement", number: "六", title: "政府采购预算情况", fields: ["procurement"] },
  { id: "assets", number: "七", title: "国有资产信息", fields: ["assets"] },
  { id: "glossary", number: "八", title: "名词解释", fields: ["glossary"] },
  { id: "otherMatters", number: "九", title: "其他需要说明的事项", fields: ["otherMatters"] },
  /** The standard budget tables (budget-tables.ts), printed after the text as its 附表. */
  { id: "tables", number: "附", title: "部门预算公开表", fields: ["tables"] },
] as const satisfies ReadonlyArray<{
  id: string;
  number: string;
  title: string;
  fields: ReadonlyArray<keyof Disclosure>;
}>;

export type SectionId = (typeof sections)[number]["id"];

/**
 * The document's heading, printed above section 一: its title and preamble are edited with
 * section 一, and what is said of the heading (its findings) counts there. The department and the
 * year head it too but are fixed when the draft starts. With `sections`, the one map of which
 * fields belong to which section.
 */
export const documentHeading = { section: "organisation", fields: ["title", "preamble"] } as const satisfies {
  section: SectionId;
  fields: ReadonlyArray<keyof Disclosure>;
};

const emptyYear = (): ThreePublicYear => ({
  total: null,
  outbound: null,
  vehiclePurchase: null,
  vehicleOperation: null,
  reception: null,
});

/** A blank disclosure for a department and year: what a draft that "starts empty" holds. */
export function emptyDisclosure(dept: Department, fiscalYear: number, framework: string): Disclosure {
  return {
    schemaVersion: 1,
    department: dept,
    fiscalYear,
    title: `${dept.name}${fiscalYear}年部门预算信息公开情况说明`,
    preamble: "",
    responsibilities: [],
    orgUnits: [],
    budget: {
      income: { total: null, generalPublicBudget: null, governmentFund: null, fiscalSpecialAccount: null, other: null },
      expenditure: {
        total: null,
        basic: null,
        personnel: null,
        publicOperating: null,
        project: null,
        other: null,
        projectHighlights: "",
      },
      priorYear: { total: null, basic: null, project: null },
      changeReasons: { basic: "", project: "" },
    },
    operatingExpenses: { amount: null, purposes: "" },
    threePublic: {
      current: emptyYear(),
      priorYear: emptyYear(),
      changeReasons: { outbound: "", vehicles: "", reception: "" },
    },
    performance: { overallGoal: "", subGoals: [], safeguards: [], framework, projects: [] },
    procurement: { total: null, items: [] },
    assets: {
      asOf: `${fiscalYear - 1}-12-31`,
      fixedAssetsTotal: null,
      plannedPurchase: null,
      plannedPurchaseNote: "",
      buildings: { area: null, value: null },
      officeBuildings: { area: null, value: null },
      vehicles: { count: null, value: null },
      equipmentOver200k: { count: null, value: null },
      other: { value: null },
    },
    glossary: [],
    otherMatters: "",
  };
}
