import { performanceMessages } from "../i18n/zh-CN/performance";
import { Money } from "../domain/money";
import { meetsTarget, readReported, scoreProject } from "../domain/performance/scoring";
import {
  executionRate,
  type MonitoringIndicator,
  type MonitoringReport,
  type SelfEvaluation,
  timeProgress,
} from "../domain/performance/shapes";
import type { Finding, Issue, Severity } from "./finding";
import { projectLabel, rowLabel } from "./indicator-words";

/**
 * The checks of the performance cycle's two forms (lib/domain/spec/performance.md): the 运行监控
 * a department reports in August and the 自评 after the year. Each rule has a stable id, a default
 * severity the admin's policy may change (the same `severities` record as the disclosure's rules),
 * and Chinese messages at the field they are about: paths into the form (`projects[2].indicators[5].deviation`).
 * A catalogue of its own beside lib/rules/catalogue.ts, whose rules read a disclosure.
 */

const m = performanceMessages.checks;

/** 执行率 more than this many percentage points behind 时间进度 is lagging (a finance bureau may set another). */
export const EXECUTION_LAG_POINTS = 10;

export type PerformanceCheckOptions = {
  severities?: Readonly<Record<string, Severity | "off">>;
  /** Percentage points 执行率 may lag 时间进度; EXECUTION_LAG_POINTS unless set. */
  executionLagPoints?: number;
};

type FormRule<Form> = {
  id: string;
  severity: Severity;
  title: string;
  check: (form: Form, opts: PerformanceCheckOptions) => Issue[];
};

const projectAt = (p: number) => `projects[${p}]`;
const rowAt = (p: number, i: number) => `projects[${p}].indicators[${i}]`;

function executionLag(report: MonitoringReport, opts: PerformanceCheckOptions): Issue[] {
  const allowed = opts.executionLagPoints ?? EXECUTION_LAG_POINTS;
  const progress = timeProgress(report.periodEndMonth);
  return report.projects.flatMap((project, p) => {
    const rate = executionRate(project.budget, project.executed);
    if (rate === null) return [];
    const behind = progress.minus(rate);
    if (!behind.gt(allowed)) return [];
    return [
      {
        path: `${projectAt(p)}.executed`,
        message: m.executionLag(
          projectLabel(project, p),
          report.periodEndMonth,
          rate.toFixed(2),
          progress.toFixed(2),
          behind.toFixed(2),
          allowed,
        ),
        hint: m.executionLagHint,
      },
    ];
  });
}

function budgetFigures(form: {
  projects: ReadonlyArray<{ name: string; budget: string | null; executed: string | null }>;
}): Issue[] {
  return form.projects.flatMap((project, p) => {
    const missing = [
      project.budget === null ? ({ field: "budget", label: m.budgetLabel } as const) : null,
      project.executed === null ? ({ field: "executed", label: m.executedLabel } as const) : null,
    ].filter((x) => x !== null);
    if (project.budget !== null && new Money(project.budget).isZero())
      return [{ path: `${projectAt(p)}.budget`, message: m.budgetZero(projectLabel(project, p)) }];
    return missing.map((x) => ({
      path: `${projectAt(p)}.${x.field}`,
      message: m.figureMissing(projectLabel(project, p), x.label),
    }));
  });
}

type MonitoringRow = { project: MonitoringReport["projects"][number]; p: number; row: MonitoringIndicator; i: number };
const monitoringRows = (report: MonitoringReport): MonitoringRow[] =>
  report.projects.flatMap((project, p) => project.indicators.map((row, i) => ({ project, p, row, i })));

function monitoringValues(report: MonitoringReport): Issue[] {
  return monitoringRows(report).flatMap(({ project, p, row, i }) => {
    const label = rowLabel({ project, p, indicator: row, i });
    return (["actualToDate", "forecast"] as const).flatMap((field) => {
      const value = row[field];
      const what = field === "actualToDate" ? m.actualToDateLabel(report.periodEndMonth) : m.forecastLabel;
      if (value.trim() === "") return [{ path: `${rowAt(p, i)}.${field}`, message: m.valueMissing(label, what) }];
      if (row.target.kind === "quantitative" && readReported(value) === null)
        return [{ path: `${rowAt(p, i)}.${field}`, message: m.valueUnreadable(label, what, value) }];
      return [];
    });
  });
}

function deviationRequired(report: MonitoringReport): Issue[] {
  return monitoringRows(report).flatMap(({ project, p, row, i }) => {
    const t = row.target;
    const forecast = readReported(row.forecast);
    if (t.kind !== "quantitative" || forecast === null) return [];
    if (meetsTarget(new Money(forecast), { ...row, target: t })) return [];
    const label = rowLabel({ project, p, indicator: row, i });
    const missed = m.forecastMisses(label, row.forecast.trim(), t.raw.trim());
    if (row.deviation === null)
      return [{ path: `${rowAt(p, i)}.deviation`, message: `${missed}${m.deviationMissing}` }];
    if (row.deviation.step.trim() === "")
      return [{ path: `${rowAt(p, i)}.deviation.step`, message: `${missed}${m.stepMissing}` }];
    return [];
  });
}

export const monitoringRules: ReadonlyArray<FormRule<MonitoringReport>> = [
  { id: "monitoring.budget-figures", severity: "error", title: m.titles.budgetFigures, check: budgetFigures },
  { id: "monitoring.execution-lag", severity: "warning", title: m.titles.executionLag, check: executionLag },
  { id: "monitoring.values", severity: "error", title: m.titles.monitoringValues, check: monitoringValues },
  { id: "monitoring.deviation", severity: "error", title: m.titles.deviation, check: deviationRequired },
];

/** What the score needs of a row: its actual, as a number where the target is one, or its band. */
function selfEvaluationValues(evaluation: SelfEvaluation): Issue[] {
  return evaluation.projects.flatMap((project, p) =>
    scoreProject(project).rows.flatMap((scored, i) => {
      if (!scored.problem) return [];
      const label = rowLabel({ project, p, indicator: project.indicators[i], i });
      const field = scored.problem === "bandMissing" ? "qualitative" : "actual";
      return [{ path: `${rowAt(p, i)}.${field}`, message: `${label}：${scored.arithmetic}` }];
    }),
  );
}

/** 偏差原因及改进措施 wherever a row scored below its full points. */
function deviationReason(evaluation: SelfEvaluation): Issue[] {
  return evaluation.projects.flatMap((project, p) =>
    scoreProject(project).rows.flatMap((scored, i) => {
      const row = project.indicators[i];
      if (scored.score === null || scored.full || row.deviationReason.trim() !== "") return [];
      return [
        {
          path: `${rowAt(p, i)}.deviationReason`,
          message: m.reasonMissing(
            rowLabel({ project, p, indicator: row, i }),
            scored.score.toFixed(2),
            scored.points!.toFixed(2),
          ),
        },
      ];
    }),
  );
}

export const selfEvaluationRules: ReadonlyArray<FormRule<SelfEvaluation>> = [
  { id: "self-evaluation.budget-figures", severity: "error", title: m.titles.budgetFigures, check: budgetFigures },
  {
    id: "self-evaluation.values",
    severity: "error",
    title: m.titles.selfEvaluationValues,
    check: selfEvaluationValues,
  },
  {
    id: "self-evaluation.deviation-reason",
    severity: "error",
    title: m.titles.deviationReason,
    check: deviationReason,
  },
];

/** Both forms' rules as data (no functions), for the admin's policy page. */
export function performanceCatalogueInfo(): Array<{ id: string; severity: Severity; title: string }> {
  return [...monitoringRules, ...selfEvaluationRules].map(({ id, severity, title }) => ({ id, severity, title }));
}

const PLACE = /^projects\[(\d+)\](?:\.indicators\[(\d+)\])?/;

function run<Form>(rules: ReadonlyArray<FormRule<Form>>, form: Form, opts: PerformanceCheckOptions): Finding[] {
  const found: Array<{ f: Finding; key: number[] }> = [];
  rules.forEach((rule, order) => {
    const severity = opts.severities?.[rule.id] ?? rule.severity;
    if (severity === "off") return;
    for (const issue of rule.check(form, opts)) {
      const place = PLACE.exec(issue.path);
      found.push({
        f: { rule: rule.id, severity, ...issue },
        key: [Number(place?.[1] ?? -1), Number(place?.[2] ?? -1), order],
      });
    }
  });
  // Project, then row, then the rule's order: the form's own order.
  return found.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2]).map(({ f }) => f);
}

export function checkMonitoring(report: MonitoringReport, opts: PerformanceCheckOptions = {}): Finding[] {
  return run(monitoringRules, report, opts);
}

export function checkSelfEvaluation(evaluation: SelfEvaluation, opts: PerformanceCheckOptions = {}): Finding[] {
  return run(selfEvaluationRules, evaluation, opts);
}
