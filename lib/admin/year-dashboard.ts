import Decimal from "decimal.js";
import { disclosureState, type DisclosureState } from "../workflow/states";
import { Money, sumAmounts } from "../domain/money";
import { zhCN } from "../i18n/zh-CN";
import { adminMessages } from "../i18n/zh-CN/admin";
import { daysLate, isLate, lateness, type Lateness } from "./lateness";

/**
 * The year dashboard's rows, the filter and sort its URL carries, and the totals — one
 * definition for the page, the table, the charts and the Excel export, so the file a user
 * downloads is the table they were looking at. Framework-free; amounts stay decimal strings.
 */

export const figureKeys = [
  "income",
  "expenditure",
  "threePublic",
  "outbound",
  "vehiclePurchase",
  "vehicleOperation",
  "reception",
  "procurement",
] as const;
export type FigureKey = (typeof figureKeys)[number];
export type Figures = Record<FigureKey, string | null>;

/** What db/queries/year-dashboard.ts reads for one department. */
export type DashboardRecord = {
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  groupName: string | null;
  disclosureId: string | null;
  state: DisclosureState | null;
  revision: number | null;
  createdAt: Date | null;
  updatedAt: Date | null;
  submittedAt: Date | null;
  approvedAt: Date | null;
  publishedAt: Date | null;
  figures: Figures;
  openComments: number;
  /** null: nothing to check (not started) or the content could not be read. */
  findings: { error: number; warning: number } | null;
};

export type DashboardRow = DashboardRecord & { lateness: Lateness };

export function withLateness(
  records: readonly DashboardRecord[],
  deadline: string | null,
  today?: string,
): DashboardRow[] {
  return records.map((r) => ({ ...r, lateness: lateness(r, deadline, today) }));
}

const { draft, returned, submitted, in_review, approved, published } = disclosureState;

/**
 * The states the dashboard filters, counts and sorts by, in the workflow's order: "none" (the
 * department has not started the year), with the department, with the bureau, published.
 */
export const dashboardStates = ["none", draft, returned, submitted, in_review, approved, published] as const;
export type DashboardState = (typeof dashboardStates)[number];

export const sortKeys = [
  "code",
  "name",
  "desk",
  "state",
  "submittedAt",
  "approvedAt",
  "publishedAt",
  "late",
  "errors",
  "warnings",
  "comments",
  "income",
  "expenditure",
  "threePublic",
  "procurement",
] as const;
export type SortKey = (typeof sortKeys)[number];

export type DashboardQuery = {
  state: DashboardState | null;
  desk: string | null;
  late: boolean;
  q: string;
  sort: SortKey;
  dir: "asc" | "desc";
};

export const defaultQuery: DashboardQuery = { state: null, desk: null, late: false, q: "", sort: "code", dir: "asc" };

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function param(params: Params, key: string): string {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(value) ? value[0] : (value ?? "")).trim();
}

/** The query a URL carries; anything unknown falls back to the default (a stale link still opens). */
export function parseDashboardQuery(params: Params): DashboardQuery {
  const state = param(params, "state");
  const sort = param(params, "sort");
  const desk = param(params, "desk");
  return {
    state: (dashboardStates as readonly string[]).includes(state) ? (state as DashboardState) : null,
    desk: desk === "" ? null : desk.slice(0, 50),
    late: param(params, "late") === "1",
    q: param(params, "q").slice(0, 50),
    sort: (sortKeys as readonly string[]).includes(sort) ? (sort as SortKey) : defaultQuery.sort,
    dir: param(params, "dir") === "desc" ? "desc" : "asc",
  };
}

/** The query as a search string (defaults left out), optionally changed: `?state=draft&sort=income&dir=desc`. */
export function dashboardSearch(query: DashboardQuery, change: Partial<DashboardQuery> = {}): string {
  const q = { ...query, ...change };
  const out = new URLSearchParams();
  if (q.state) out.set("state", q.state);
  if (q.desk) out.set("desk", q.desk);
  if (q.late) out.set("late", "1");
  if (q.q) out.set("q", q.q);
  if (q.sort !== defaultQuery.sort || q.dir !== defaultQuery.dir) {
    out.set("sort", q.sort);
    out.set("dir", q.dir);
  }
  const text = out.toString();
  return text ? `?${text}` : "";
}

/** For sorting by state: nothing started first, published last. */
const stateOrder = Object.fromEntries(dashboardStates.map((s, i) => [s, i])) as Record<DashboardState, number>;

const stateOf = (r: DashboardRow): DashboardState => r.state ?? "none";

function matches(r: DashboardRow, query: DashboardQuery): boolean {
  if (query.state && stateOf(r) !== query.state) return false;
  if (query.desk && (r.groupName ?? "") !== query.desk) return false;
  if (query.late && !isLate(r.lateness)) return false;
  if (query.q && !r.departmentCode.includes(query.q) && !r.departmentName.includes(query.q)) return false;
  return true;
}

type SortValue = string | number | Decimal | null;

function sortValue(r: DashboardRow, key: SortKey): SortValue {
  switch (key) {
    case "code":
      return r.departmentCode;
    case "name":
      return r.departmentName;
    case "desk":
      return r.groupName;
    case "state":
      return stateOrder[stateOf(r)];
    case "submittedAt":
    case "approvedAt":
    case "publishedAt":
      return r[key]?.getTime() ?? null;
    case "late":
      return daysLate(r.lateness);
    case "errors":
      return r.findings?.error ?? null;
    case "warnings":
      return r.findings?.warning ?? null;
    case "comments":
      return r.openComments;
    default: {
      const amount = r.figures[key];
      return amount == null ? null : new Money(amount);
    }
  }
}

function compareValues(a: SortValue, b: SortValue): number {
  if (a instanceof Decimal && b instanceof Decimal) return a.cmp(b);
  if (typeof a === "number" && typeof b === "number") return a - b;
  // Codes sort as numbers where they are numbers (9 before 10), names in Chinese collation.
  return String(a).localeCompare(String(b), "zh-CN", { numeric: true });
}

/** The rows the URL asks for, in its order; absent values last whichever the direction. */
export function applyDashboardQuery(rows: readonly DashboardRow[], query: DashboardQuery): DashboardRow[] {
  const sign = query.dir === "desc" ? -1 : 1;
  return rows
    .filter((r) => matches(r, query))
    .map((r) => ({ r, v: sortValue(r, query.sort) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? compareCodes(a.r, b.r) : a.v === null ? 1 : -1;
      return sign * compareValues(a.v, b.v) || compareCodes(a.r, b.r);
    })
    .map(({ r }) => r);
}

const compareCodes = (a: DashboardRow, b: DashboardRow) =>
  a.departmentCode.localeCompare(b.departmentCode, "zh-CN", { numeric: true });

export type DashboardTotals = Record<FigureKey, string> & { departments: number; reporting: Record<FigureKey, number> };

/** Exact sums of the rows' figures (decimal.js); `reporting` counts the rows that state each figure. */
export function dashboardTotals(rows: readonly DashboardRow[]): DashboardTotals {
  const totals = { departments: rows.length, reporting: {} } as DashboardTotals;
  for (const key of figureKeys) {
    const values = rows.map((r) => r.figures[key]);
    totals[key] = sumAmounts(values).toFixed(2);
    totals.reporting[key] = values.filter((v) => v != null).length;
  }
  return totals;
}

/** How many departments are in each state, in the workflow's order (for the progress chart). */
export function stateCounts(rows: readonly DashboardRow[]): { state: DashboardState; count: number }[] {
  return dashboardStates.map((state) => ({ state, count: rows.filter((r) => stateOf(r) === state).length }));
}

/** The query in words, for the exported sheet's second line: "状态：草稿；只看逾期；按收入合计降序". */
export function describeDashboardQuery(query: DashboardQuery): string {
  const m = adminMessages.dashboard;
  const parts: string[] = [];
  if (query.state) parts.push(m.filterState(query.state === "none" ? m.notStarted : zhCN.states[query.state]));
  if (query.desk) parts.push(m.filterDesk(query.desk));
  if (query.late) parts.push(m.lateOnly);
  if (query.q) parts.push(m.filterSearch(query.q));
  if (parts.length === 0) parts.push(m.noFilter);
  if (query.sort !== defaultQuery.sort || query.dir !== defaultQuery.dir)
    parts.push(m.sortNote(m.columns[query.sort], query.dir === "desc"));
  return parts.join("；");
}
