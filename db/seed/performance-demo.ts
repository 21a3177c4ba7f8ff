import type Decimal from "decimal.js";
import type { Disclosure } from "@/lib/domain/model";
import { Money } from "@/lib/domain/money";
import { wantsLess } from "@/lib/domain/performance/scoring";
import {
  monitoringFromDisclosure,
  monitoringReport,
  selfEvaluation,
  selfEvaluationFromDisclosure,
  type MonitoringReport,
  type SelfEvaluation,
} from "@/lib/domain/performance/shapes";
import { unitKind } from "@/lib/domain/targets";

/**
 * An illustrative 运行监控 (January–July) and 自评 of 三河市人民政府办公室's published 2020 targets
 * (department 434, the demo's real fixture), so the demo shows the performance cycle on real
 * targets. The figures are made up, and each form says so in its note. Mostly on track, with one of
 * each thing the forms are for: a project whose spending lags (the 农交会 is held in the autumn), a
 * forecast short of its target with its cause and step, a row that does not apply (no trips abroad in
 * 2020), a qualitative row only partly reached. Pure: the seed stores what this returns.
 */

export const PERFORMANCE_DEMO_NOTE =
  "演示数据，非真实：依据本部门2020年公开的绩效目标编制的示例，用于展示运行监控和自评";

const SEVEN_TWELFTHS = new Money(7).div(12);

/** How much of a year's target a row reaches by July, and over the year: plausible, not real. */
function plausible(row: Parameters<typeof wantsLess>[0]): { toDate: string; year: string } {
  const t = row.target;
  if (t.kind !== "quantitative") return { toDate: "按计划推进", year: "能够实现" };
  const target = new Money(t.value);
  const counts = unitKind(t.unit) === "count";
  const text = (d: Decimal) => (counts ? d.floor() : d.toDecimalPlaces(2)).toString();
  if (wantsLess(row)) {
    // Fewer complaints than allowed; unit costs and rates a little under their ceiling.
    const year = target.times(counts ? 0.6 : 0.9);
    return { toDate: text(counts ? year.times(SEVEN_TWELFTHS) : year), year: text(year) };
  }
  const kind = unitKind(t.unit);
  const cumulative = kind === "count" || kind === "money" || kind === "time";
  // `>90%` is met only above 90.
  const year = t.operator === ">" ? target.plus(1) : target;
  return { toDate: text(cumulative ? year.times(SEVEN_TWELFTHS) : year), year: text(year) };
}

function find<T extends { name: string }>(rows: T[], words: string): T {
  const found = rows.find((row) => row.name.includes(words));
  if (!found) throw new Error(`演示数据：公开的绩效目标中没有“${words}”`);
  return found;
}

export function performanceDemo(published: Disclosure): {
  monitoring: MonitoringReport;
  selfEvaluation: SelfEvaluation;
} {
  const monitoring = monitoringFromDisclosure(published, 7);
  monitoring.note = PERFORMANCE_DEMO_NOTE;
  monitoring.projects.forEach((project, p) => {
    const share = project.name.includes("农交会") ? 0.2 : 0.55 + (p % 4) * 0.03;
    project.executed = project.budget === null ? null : new Money(project.budget).times(share).toFixed(2);
    for (const row of project.indicators) {
      const { toDate, year } = plausible(row);
      row.actualToDate = toDate;
      row.forecast = year;
    }
  });
  const short = find(find(monitoring.projects, "金融信用办").indicators, "对接活动次数");
  short.actualToDate = "2";
  short.forecast = "5";
  short.deviation = {
    cause: "其他",
    likelihood: "有可能",
    step: "上半年线下对接活动暂停，下半年改为线上对接并增加场次，力争完成全年 6 次",
  };

  const evaluation = selfEvaluationFromDisclosure(published);
  evaluation.note = PERFORMANCE_DEMO_NOTE;
  evaluation.projects.forEach((project, p) => {
    const share = project.name.includes("农交会") ? 0.92 : p % 3 === 0 ? 1 : 0.96;
    project.executed = project.budget === null ? null : new Money(project.budget).times(share).toFixed(2);
    for (const row of project.indicators) {
      if (row.target.kind === "quantitative") row.actual = plausible(row).year;
      else {
        row.actual = row.target.kind === "qualitative" ? `${row.target.text}，已实现` : "已健全";
        row.qualitative = { band: "达成", percent: "100" };
      }
    }
  });
  const shortYear = find(find(evaluation.projects, "金融信用办").indicators, "对接活动次数");
  shortYear.actual = "5";
  shortYear.deviationReason = "受疫情影响线下对接活动少开展 1 次；2021 年提前安排，并以线上对接补充";
  const abroad = find(find(evaluation.projects, "外事办").indicators, "因公出访");
  abroad.applicable = false;
  abroad.actual = "";
  abroad.deviationReason = "2020 年因疫情暂停因公出访，本指标不适用";
  const stability = find(find(evaluation.projects, "安全生产").indicators, "社会稳定水平");
  stability.actual = "总体稳定，个别领域仍有隐患";
  stability.qualitative = { band: "部分达成", percent: "75" };
  stability.deviationReason = "宣传覆盖面不足，部分企业安全意识仍待提高；2021 年增加进企业宣传";
  return { monitoring: monitoringReport.parse(monitoring), selfEvaluation: selfEvaluation.parse(evaluation) };
}
