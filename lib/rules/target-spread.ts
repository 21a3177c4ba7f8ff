import { Money } from "../domain/money";
import type { Disclosure, Indicator } from "../domain/model";
import { SPELLED_PERCENT } from "../domain/targets";
import { indicatorPath, metricKey, normaliseText } from "./indicator-words";

/**
 * How other departments and other years set the same target (issue 16, "Comparison"): for each
 * metric, by name and unit, the lowest, median and highest number written across a set of
 * disclosures, overall and per year, and which values lie far outside the rest. Pure: the caller
 * chooses the set (a year's published disclosures, several years of them) and, optionally, the
 * names to report (the indicator library's). Numbers stay exact decimals (decimal.js).
 */

export type SpreadStats = {
  count: number;
  min: string;
  median: string;
  max: string;
  /** Tukey's fences (quartile ∓ 1.5 × the interquartile range); null with fewer than OUTLIER_MIN values. */
  low: string | null;
  high: string | null;
};

export type TargetObservation = {
  fiscalYear: number;
  departmentCode: string;
  departmentName: string;
  project: string;
  /** Where in its disclosure: `performance.projects[2].indicators[4].target`. */
  path: string;
  raw: string;
  value: string;
  /** Outside its year's fences: below (`low`) or above (`high`) what the other departments wrote. */
  outlier: Outlier;
};

export type Outlier = "low" | "high" | null;

export type TargetSpread = {
  /** The metric's name as first written, and the unit its numbers are in. */
  name: string;
  unit: string;
  overall: SpreadStats;
  byYear: Array<SpreadStats & { fiscalYear: number }>;
  observations: TargetObservation[];
};

/** Fewer values than this have no fences: with three numbers, none is out of line. */
export const OUTLIER_MIN = 5;

/** `%` and `百分比` are one unit; spacing and width are not a difference. */
function unitKey(unit: string): string {
  const u = normaliseText(unit);
  return u === SPELLED_PERCENT ? "%" : u;
}

/** The key a cell is looked up by: its metric's name and its unit. */
export function spreadKey(name: string, unit: string): string {
  return `${metricKey(name)}\u0000${unitKey(unit)}`;
}

function quantile(sorted: ReadonlyArray<Money>, q: number): Money {
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const part = at - below;
  if (part === 0) return sorted[below];
  return sorted[below].plus(sorted[below + 1].minus(sorted[below]).times(part));
}

/** The stats with the fences as numbers, for judging many values without reading the fences again. */
function measured(values: ReadonlyArray<Money>): { stats: SpreadStats; low: Money | null; high: Money | null } {
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const fenced = sorted.length >= OUTLIER_MIN;
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const reach = q3.minus(q1).times(1.5);
  const low = fenced ? q1.minus(reach) : null;
  const high = fenced ? q3.plus(reach) : null;
  return {
    stats: {
      count: sorted.length,
      min: sorted[0].toString(),
      median: quantile(sorted, 0.5).toString(),
      max: sorted[sorted.length - 1].toString(),
      low: low?.toString() ?? null,
      high: high?.toString() ?? null,
    },
    low,
    high,
  };
}

export function spreadStats(values: ReadonlyArray<Money>): SpreadStats {
  return measured(values).stats;
}

function side(v: Money, low: Money | string | null, high: Money | string | null): Outlier {
  if (low !== null && v.lt(low)) return "low";
  if (high !== null && v.gt(high)) return "high";
  return null;
}

/** Where a value lies against a spread: the hint beside a cell. */
export function outlierOf(stats: SpreadStats, value: string): Outlier {
  return side(new Money(value), stats.low, stats.high);
}

type Entry = { name: string; unit: string; observations: TargetObservation[]; numbers: Money[] };

/**
 * What the spread reads of a disclosure: a whole one, or the rows a database query reads of a
 * year's disclosures without assembling each (db/queries/target-spread.ts).
 */
export type SpreadSource = {
  fiscalYear: number;
  department: Pick<Disclosure["department"], "code" | "name">;
  performance: {
    projects: ReadonlyArray<{ name: string; indicators: ReadonlyArray<Pick<Indicator, "name" | "target">> }>;
  };
};

/**
 * The spread of every metric with a number across `disclosures` (or of the metrics named in
 * `names` only), the metrics in the order first met. Text targets and unreadable ones have no number
 * and are left out. Each observation is made once and its outlier set in place: a year's spread
 * reads some 50,000 rows.
 */
export function targetSpreads(
  disclosures: ReadonlyArray<SpreadSource>,
  opts: { names?: ReadonlyArray<string> } = {},
): TargetSpread[] {
  const wanted = opts.names ? new Set(opts.names.map(metricKey)) : null;
  const entries = new Map<string, Entry>();
  // Targets repeat (90, 95, 100 …): each number is read once; decimal.js values are immutable.
  const numbers = new Map<string, Money>();
  for (const d of disclosures) {
    d.performance.projects.forEach((project, p) =>
      project.indicators.forEach((indicator, i) => {
        const t = indicator.target;
        if (t.kind !== "quantitative") return;
        const name = metricKey(indicator.name);
        if (name === "" || (wanted && !wanted.has(name))) return;
        const unit = unitKey(t.unit);
        const key = `${name}\u0000${unit}`;
        let entry = entries.get(key);
        if (!entry) entries.set(key, (entry = { name: indicator.name.trim(), unit, observations: [], numbers: [] }));
        let number = numbers.get(t.value);
        if (!number) numbers.set(t.value, (number = new Money(t.value)));
        entry.numbers.push(number);
        entry.observations.push({
          fiscalYear: d.fiscalYear,
          departmentCode: d.department.code,
          departmentName: d.department.name,
          project: project.name,
          path: indicatorPath(p, i, "target"),
          raw: t.raw,
          value: number.toString(),
          outlier: null,
        });
      }),
    );
  }
  return [...entries.values()].map(({ name, unit, observations, numbers: values }) => {
    const byYear = new Map<number, Money[]>();
    observations.forEach((o, k) => {
      const list = byYear.get(o.fiscalYear);
      if (list) list.push(values[k]);
      else byYear.set(o.fiscalYear, [values[k]]);
    });
    const years = [...byYear.keys()].sort((a, b) => a - b);
    const perYear = new Map(years.map((y) => [y, measured(byYear.get(y)!)]));
    observations.forEach((o, k) => {
      const { low, high } = perYear.get(o.fiscalYear)!;
      o.outlier = side(values[k], low, high);
    });
    return {
      name,
      unit,
      overall: spreadStats(values),
      byYear: years.map((fiscalYear) => ({ fiscalYear, ...perYear.get(fiscalYear)!.stats })),
      observations,
    };
  });
}

/** One metric's spread in one year, as the grid's status line and the review screen show it. */
export type SpreadLine = SpreadStats & {
  name: string;
  unit: string;
  fiscalYear: number;
  departments: number;
  /** The same metric in the years before, all together: the span of years and its spread; null when none. */
  earlier: (SpreadStats & { from: number; to: number }) | null;
};

/**
 * The spread of each metric in `fiscalYear`, by spreadKey, with how many departments wrote it, and
 * of the years before it together (`earlier`): what a cell is compared with. Metrics with no number
 * in `fiscalYear` are left out.
 */
export function yearSpreadLines(spreads: ReadonlyArray<TargetSpread>, fiscalYear: number): Record<string, SpreadLine> {
  const out: Record<string, SpreadLine> = {};
  for (const s of spreads) {
    const stats = s.byYear.find((y) => y.fiscalYear === fiscalYear);
    if (!stats) continue;
    const departments = new Set(s.observations.filter((o) => o.fiscalYear === fiscalYear).map((o) => o.departmentCode))
      .size;
    const before = s.observations.filter((o) => o.fiscalYear < fiscalYear);
    const earlier =
      before.length === 0
        ? null
        : {
            ...spreadStats(before.map((o) => new Money(o.value))),
            from: before.reduce((y, o) => Math.min(y, o.fiscalYear), fiscalYear),
            to: before.reduce((y, o) => Math.max(y, o.fiscalYear), 0),
          };
    out[spreadKey(s.name, s.unit)] = { ...stats, name: s.name, unit: s.unit, departments, earlier };
  }
  return out;
}

/** The rows of a disclosure whose number lies outside the year's fences: the review screen's 参考 hints. */
export function outlierRows(
  disclosure: Pick<SpreadSource, "performance">,
  lines: Readonly<Record<string, SpreadLine>>,
): Array<{ path: string; outlier: Exclude<Outlier, null>; line: SpreadLine }> {
  const out: Array<{ path: string; outlier: Exclude<Outlier, null>; line: SpreadLine }> = [];
  disclosure.performance.projects.forEach((project, p) =>
    project.indicators.forEach((indicator, i) => {
      const t = indicator.target;
      if (t.kind !== "quantitative") return;
      const line = lines[spreadKey(indicator.name, t.unit)];
      const outlier = line ? outlierOf(line, t.value) : null;
      if (line && outlier) out.push({ path: indicatorPath(p, i), outlier, line });
    }),
  );
  return out;
}
