import * as echarts from "echarts";
import type Decimal from "decimal.js";
import type { Disclosure, SectionId } from "../domain/model";
import { formatAmount, money, sumAmounts } from "../domain/money";
import { portalMessages } from "../i18n/zh-CN/portal";

/**
 * Charts of where the money goes and how it changed, drawn on the server as SVG (echarts SSR) so
 * the portal page and its PDF need no script. Each chart carries its figures as rows — the data
 * table and the text alternative read them — and the figures are the disclosure's exact decimals;
 * only the drawing turns them into numbers.
 */

const t = portalMessages.charts;

export type ChartId = "income" | "expenditure" | "change" | "three-public";

export type ChartRow = {
  label: string;
  /** Two-decimal amount, or null when the disclosure does not state it. */
  amount: string | null;
  /** Last year's amount, for the comparison charts. */
  prior?: string | null;
  /** `45.2%` of the chart's whole, for the composition charts. */
  share?: string;
};

export type BudgetChart = {
  id: ChartId;
  /** The section the chart illustrates: it is printed at that section's end. */
  section: SectionId;
  title: string;
  kind: "shares" | "compare";
  rows: ChartRow[];
  /** Column headings of the compare table: this year, last year. */
  years?: { current: string; prior: string };
  /** One sentence with every figure: the SVG's accessible name. */
  summary: string;
  /** Empty when there is nothing to draw (no figures filled in). */
  svg: string;
};

/** Drawn at the size they are shown: two composition charts side by side, comparisons full width. */
const SHARES_SIZE = { width: 420, height: 240 };
const COMPARE_SIZE = { width: 640, height: 300 };
// Single quotes: echarts writes the family into a double-quoted style attribute unescaped.
const FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
/** Calm, print-safe colours that stay apart in greyscale. */
const PALETTE = ["#184a8a", "#5b8fd0", "#c2872f", "#8a9bb0", "#3f7f5f"];
const CURRENT = "#184a8a";
const PRIOR = "#a9bcd6";

/** For drawing only: the geometry of a bar may be a float, what is printed never is. */
const plot = (amount: string | null | undefined) => (amount == null ? 0 : Number(amount));

/**
 * echarts names hover styles with a process-wide counter (zr0-cls-0, zr1-cls-2 …), so the same
 * chart drawn twice would differ. Static pages have no hover: the style block and those classes go,
 * and the same disclosure always gives the same SVG.
 */
function staticSvg(svg: string): string {
  return svg
    .replace(/<style\b[\s\S]*?<\/style>/g, "")
    .replace(/\s+class="zr\d+-cls-\d+"/g, "")
    .replace(/<svg\b/, '<svg role="img" focusable="false"');
}

function draw(option: echarts.EChartsOption, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, ...size });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT, fontSize: 13, color: "#1e293b" }, ...option });
    return staticSvg(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/** Shares of a whole, each to one decimal of a percent, computed on the exact amounts. */
function withShares(rows: ChartRow[]): ChartRow[] {
  const total = sumAmounts(rows.map((r) => r.amount));
  return rows.map((r) => ({
    ...r,
    share: total.isZero() || r.amount == null ? undefined : `${money(r.amount).div(total).times(100).toFixed(1)}%`,
  }));
}

function sharesChart(id: ChartId, section: SectionId, title: string, rows: ChartRow[]): BudgetChart {
  const shared = withShares(rows);
  const drawn = shared.filter((r) => r.amount != null && !money(r.amount).isZero());
  const parts = shared
    .map(
      (r) =>
        `${r.label} ${r.amount == null ? t.notFilled : `${formatAmount(r.amount)}万元`}${r.share ? `（${r.share}）` : ""}`,
    )
    .join("，");
  const svg =
    drawn.length === 0
      ? ""
      : draw(
          {
            color: PALETTE,
            legend: {
              orient: "vertical",
              left: 230,
              top: "middle",
              itemGap: 12,
              formatter: (name: string) => legendLabel(name, shared),
            },
            series: [
              {
                type: "pie",
                radius: ["40%", "75%"],
                center: [110, "50%"],
                label: { show: false },
                emphasis: { disabled: true },
                data: drawn.map((r) => ({ name: r.label, value: plot(r.amount) })),
              },
            ],
          },
          SHARES_SIZE,
        );
  return { id, section, title, kind: "shares", rows: shared, summary: t.summaryShares(title, parts), svg };
}

/** Name and share only: the amounts are in the data table and the text alternative. */
function legendLabel(name: string, rows: ChartRow[]): string {
  const share = rows.find((r) => r.label === name)?.share;
  return share ? `${name}  ${share}` : name;
}

function compareChart(id: ChartId, section: SectionId, title: string, d: Disclosure, rows: ChartRow[]): BudgetChart {
  const years = { current: t.current(d.fiscalYear), prior: t.prior(d.fiscalYear - 1) };
  const anything = rows.some((r) => r.amount != null || r.prior != null);
  const label = (amount: string | null | undefined) => (amount == null ? t.notFilled : formatAmount(amount));
  const parts = rows
    .map(
      (r) =>
        `${r.label} ${years.current} ${label(r.amount)}万元，${years.prior} ${label(r.prior)}万元${delta(r) ? `，${delta(r)}` : ""}`,
    )
    .join("；");
  const bar = (name: string, color: string, pick: (r: ChartRow) => string | null | undefined) => ({
    name,
    type: "bar" as const,
    barMaxWidth: 44,
    barGap: "15%",
    itemStyle: { color },
    emphasis: { disabled: true },
    label: {
      show: true,
      position: "top" as const,
      fontSize: 11,
      formatter: (p: { dataIndex: number }) => label(pick(rows[p.dataIndex])),
    },
    data: rows.map((r) => plot(pick(r))),
  });
  const svg = !anything
    ? ""
    : draw(
        {
          legend: { top: 0, right: 10, data: [years.current, years.prior] },
          grid: { left: 70, right: 20, top: 40, bottom: 36 },
          xAxis: {
            type: "category",
            data: rows.map((r) => r.label),
            axisTick: { show: false },
            axisLabel: { interval: 0, fontSize: 12 },
          },
          yAxis: {
            type: "value",
            name: portalMessages.charts.amount,
            nameTextStyle: { align: "left" },
            splitLine: { lineStyle: { color: "#e2e8f0" } },
          },
          series: [bar(years.current, CURRENT, (r) => r.amount), bar(years.prior, PRIOR, (r) => r.prior)],
        },
        COMPARE_SIZE,
      );
  return { id, section, title, kind: "compare", rows, years, summary: t.summaryCompare(title, parts), svg };
}

/** `增加 94.19万元` / `减少 0.11万元`, or "" when either side is unknown or they are equal. */
export function delta(row: ChartRow): string {
  if (row.amount == null || row.prior == null) return "";
  const d: Decimal = money(row.amount).minus(row.prior);
  if (d.isZero()) return "持平";
  return `${d.isNegative() ? "减少" : "增加"}${formatAmount(d.abs())}万元`;
}

/** The four charts of the portal page, in the order they are printed. */
export function budgetCharts(d: Disclosure): BudgetChart[] {
  const { income: i, expenditure: e, priorYear: p } = d.budget;
  const tp = d.threePublic;
  const sources = t.income.sources;
  // The stated total, or the sum of the items when only they are filled in.
  const threePublicTotal = (y: typeof tp.current) => {
    const items = [y.outbound, y.vehiclePurchase, y.vehicleOperation, y.reception];
    return y.total ?? (items.every((v) => v == null) ? null : sumAmounts(items).toFixed(2));
  };
  return [
    sharesChart("income", "budget", t.income.title, [
      { label: sources.generalPublicBudget, amount: i.generalPublicBudget },
      { label: sources.governmentFund, amount: i.governmentFund },
      { label: sources.fiscalSpecialAccount, amount: i.fiscalSpecialAccount },
      { label: sources.other, amount: i.other },
    ]),
    sharesChart("expenditure", "budget", t.expenditure.title, [
      // Short labels: the legend sits beside the ring in a 420-pixel chart (both are 基本支出).
      { label: t.expenditure.personnel, amount: e.personnel },
      { label: t.expenditure.publicOperating, amount: e.publicOperating },
      { label: t.expenditure.project, amount: e.project },
      { label: t.expenditure.other, amount: e.other },
    ]),
    compareChart("change", "budget", t.change.title(d.fiscalYear - 1), d, [
      { label: t.change.total, amount: e.total, prior: p.total },
      { label: t.change.basic, amount: e.basic, prior: p.basic },
      { label: t.change.project, amount: e.project, prior: p.project },
      { label: t.change.threePublic, amount: threePublicTotal(tp.current), prior: threePublicTotal(tp.priorYear) },
    ]),
    compareChart("three-public", "threePublic", t.threePublic.title, d, [
      { label: t.threePublic.outbound, amount: tp.current.outbound, prior: tp.priorYear.outbound },
      { label: t.threePublic.vehiclePurchase, amount: tp.current.vehiclePurchase, prior: tp.priorYear.vehiclePurchase },
      {
        label: t.threePublic.vehicleOperation,
        amount: tp.current.vehicleOperation,
        prior: tp.priorYear.vehicleOperation,
      },
      { label: t.threePublic.reception, amount: tp.current.reception, prior: tp.priorYear.reception },
    ]),
  ];
}
