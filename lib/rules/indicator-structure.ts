import { asksScoringStandard, findFramework, level1Role, level2Options } from "../domain/frameworks";
import { money, sumAmounts } from "../domain/money";
import type { Issue, RuleContext } from "./finding";
import {
  indicatorPath,
  indicatorRows,
  isSatisfactionLevel,
  normaliseText,
  projectLabel,
  projectPath,
  rowLabel,
  wording,
} from "./indicator-words";

/** The shape of each 绩效目标表: levels, coverage, basis, duplicates, size. */

export function frameworkPair({ disclosure: d, frameworks }: RuleContext): Issue[] {
  const id = d.performance.framework;
  const framework = findFramework(id, frameworks);
  if (!framework) {
    return [
      {
        path: "performance.framework",
        message: `未知的绩效指标体系“${id}”`,
        hint: "请选择财政局发布的指标体系（如 2020、2021）",
      },
    ];
  }
  const level1s = framework.levels.map((l) => l.level1);
  const issues: Issue[] = [];
  for (const row of indicatorRows(d)) {
    const { level1, level2 } = row.indicator;
    if (!level1s.includes(level1)) {
      issues.push({
        path: indicatorPath(row.p, row.i, "level1"),
        message: level1.trim()
          ? `${rowLabel(row)}：一级指标“${level1}”不在${framework.name}中`
          : `${rowLabel(row)}：请选择一级指标`,
        hint: `可选：${level1s.join("、")}`,
      });
      continue;
    }
    const options = level2Options(framework, level1);
    if (!options.includes(level2)) {
      issues.push({
        path: indicatorPath(row.p, row.i, "level2"),
        message: level2.trim()
          ? `${rowLabel(row)}：二级指标“${level2}”不属于一级指标“${level1}”（${framework.name}）`
          : `${rowLabel(row)}：请选择二级指标`,
        hint: `“${level1}”下可选：${options.join("、")}`,
      });
    }
  }
  return issues;
}

/** 财预〔2020〕10号: a project is measured by what it produces and by what that achieves. */
export function outputAndOutcome({ disclosure: d }: RuleContext): Issue[] {
  const issues: Issue[] = [];
  d.performance.projects.forEach((project, p) => {
    const roles = new Set(project.indicators.map((ind) => level1Role(ind.level1)));
    const missing = [roles.has("output") ? null : "产出指标", roles.has("outcome") ? null : "效果（效益）指标"].filter(
      (x) => x !== null,
    );
    if (missing.length === 0) return;
    issues.push({
      path: `${projectPath(p)}.indicators`,
      message: `${projectLabel(project, p)}缺少${missing.join("和")}`,
      hint: "每个项目至少要有一个产出指标和一个效果（效益）指标",
    });
  });
  return issues;
}

export function satisfactionMissing({ disclosure: d }: RuleContext): Issue[] {
  const issues: Issue[] = [];
  d.performance.projects.forEach((project, p) => {
    if (project.indicators.length === 0 || project.indicators.some(isSatisfactionLevel)) return;
    issues.push({
      path: `${projectPath(p)}.indicators`,
      message: `${projectLabel(project, p)}没有满意度指标`,
      hint: "面向服务对象的项目应设服务对象满意度指标；确实不适用的，请说明理由",
    });
  });
  return issues;
}

/**
 * A row under 满意度指标 that measures something else (a 合格率 is quality), or a 满意度 filed
 * elsewhere. 投诉 counts as a satisfaction measure: provinces accept 投诉率 as its proxy.
 */
export function satisfactionLevel({ disclosure: d }: RuleContext): Issue[] {
  const issues: Issue[] = [];
  for (const row of indicatorRows(d)) {
    const ind = row.indicator;
    if (isSatisfactionLevel(ind) && !/满意|投诉/.test(wording(ind))) {
      issues.push({
        path: indicatorPath(row.p, row.i, "level1"),
        message: `${rowLabel(row)}列在“${ind.level1}”下，但它衡量的不是满意度`,
        hint: "合格率、完成率等应列在产出指标（质量指标等）下",
      });
    } else if (!isSatisfactionLevel(ind) && /满意度|满意率/.test(ind.name) && ind.level1.trim() !== "") {
      issues.push({
        path: indicatorPath(row.p, row.i, "level1"),
        message: `${rowLabel(row)}是满意度指标，却列在“${ind.level1}”下`,
        hint: "请移到满意度指标 / 服务对象满意度指标下",
      });
    }
  }
  return issues;
}

export function basisEmpty({ disclosure: d }: RuleContext): Issue[] {
  return indicatorRows(d)
    .filter((row) => row.indicator.basis.trim() === "")
    .map((row) => ({
      path: indicatorPath(row.p, row.i, "basis"),
      message: `${rowLabel(row)}：指标值确定依据为空`,
      hint: "写明依据，如文件文号、“往年历史数据”、“行业标准”、“计划标准”",
    }));
}

/**
 * 财预〔2021〕101号: each row says how it will be scored at the self-evaluation. Only under a
 * framework that asks for it (frameworks.ts): a 2020 table has no such column.
 */
export function scoringStandardEmpty({ disclosure: d, frameworks }: RuleContext): Issue[] {
  if (!asksScoringStandard(findFramework(d.performance.framework, frameworks))) return [];
  return indicatorRows(d)
    .filter((row) => (row.indicator.scoringStandard ?? "").trim() === "")
    .map((row) => ({
      path: indicatorPath(row.p, row.i, "scoringStandard"),
      message: `${rowLabel(row)}：评（扣）分标准为空`,
      hint: "写明怎样得分、扣分，如“完成率每低于目标 10%扣 1 分”“按时完成得满分，每延期 1 个月扣 2 分”",
    }));
}

/**
 * Two rows of one project that say the same thing: same 三级指标, or same description. Each later
 * row is reported against the first, so deleting or renaming one row clears the finding.
 */
export function duplicateRow({ disclosure: d }: RuleContext): Issue[] {
  const issues: Issue[] = [];
  d.performance.projects.forEach((project, p) => {
    const byName = new Map<string, number>();
    const byDescription = new Map<string, number>();
    project.indicators.forEach((ind, i) => {
      const name = normaliseText(ind.name);
      const description = normaliseText(ind.description);
      const row = { project, p, indicator: ind, i };
      const sameName = name ? byName.get(name) : undefined;
      const sameDescription = description ? byDescription.get(description) : undefined;
      if (sameName !== undefined) {
        issues.push({
          path: indicatorPath(p, i, "name"),
          message: `${rowLabel(row)}与第 ${sameName + 1} 行三级指标同名`,
          hint: "说的是同一件事就删去一行；不是的话，请把三级指标改成能区分的名称",
        });
      } else if (sameDescription !== undefined) {
        issues.push({
          path: indicatorPath(p, i, "description"),
          message: `${rowLabel(row)}的绩效指标描述与第 ${sameDescription + 1} 行相同：“${ind.description.trim()}”`,
          hint: "说的是同一件事就删去一行；不是的话，请改写描述",
        });
      }
      if (name && !byName.has(name)) byName.set(name, i);
      if (description && !byDescription.has(description)) byDescription.set(description, i);
    });
  });
  return issues;
}

const FEWEST = 3;
const MOST = 30;

export function indicatorCount({ disclosure: d }: RuleContext): Issue[] {
  const issues: Issue[] = [];
  d.performance.projects.forEach((project, p) => {
    const n = project.indicators.length;
    if (n >= FEWEST && n <= MOST) return;
    issues.push({
      path: `${projectPath(p)}.indicators`,
      message: `${projectLabel(project, p)}有 ${n} 个绩效指标，${n < FEWEST ? `少于 ${FEWEST} 个` : `多于 ${MOST} 个`}`,
      hint: n < FEWEST ? "指标太少难以反映项目的产出和效果" : "指标太多难以评价，请保留核心指标",
    });
  });
  return issues;
}

/**
 * 权重, where a table gives them, add up to 100 — or to 90 in tables that keep 10 for 预算执行率,
 * as 财预〔2020〕10号 scores it (lib/domain/spec/domain.md). A table without weights is not asked for them.
 */
const WEIGHT_TOTALS = ["100", "90"];

export function weightSum({ disclosure: d }: RuleContext): Issue[] {
  const issues: Issue[] = [];
  d.performance.projects.forEach((project, p) => {
    const weights = project.indicators.map((ind) => ind.weight ?? null);
    if (weights.every((w) => w === null)) return;
    // Weights are JSON numbers; summing their decimal text keeps 33.3 + 33.3 + 33.4 exact.
    const sum = sumAmounts(weights.map((w) => (w === null ? null : String(w))));
    if (WEIGHT_TOTALS.some((t) => sum.eq(t))) return;
    const missing = weights.filter((w) => w === null).length;
    issues.push({
      path: `${projectPath(p)}.indicators`,
      message: `${projectLabel(project, p)}的指标权重合计 ${money(sum).toString()}，应为 100（或留 10 分给预算执行率时为 90）`,
      ...(missing > 0 ? { hint: `有 ${missing} 个指标没有填写权重` } : {}),
    });
  });
  return issues;
}
