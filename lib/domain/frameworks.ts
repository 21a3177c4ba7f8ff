import { z } from "zod";

/**
 * Indicator frameworks (一级/二级指标) are data chosen per fiscal year, never code branches. The
 * admin can add one for a new year (stored in the database in the same shape); these two are the
 * built-in ones of lib/domain/spec/domain.md.
 */
export const indicatorFramework = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** Where the framework comes from, shown in help texts. */
  source: z.string(),
  levels: z.array(z.object({ level1: z.string().min(1), level2: z.array(z.string().min(1)).min(1) })).min(1),
});
export type IndicatorFramework = z.infer<typeof indicatorFramework>;

export const builtInFrameworks: ReadonlyArray<IndicatorFramework> = [
  {
    id: "2020",
    name: "2020年绩效指标体系",
    source: "《项目支出绩效评价管理办法》（财预〔2020〕10号）",
    levels: [
      { level1: "产出指标", level2: ["数量指标", "质量指标", "时效指标", "成本指标"] },
      { level1: "效果指标", level2: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"] },
      { level1: "满意度指标", level2: ["服务对象满意度指标"] },
    ],
  },
  {
    id: "2021",
    name: "2021年及以后绩效指标体系",
    source: "《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号）",
    levels: [
      { level1: "产出指标", level2: ["数量指标", "质量指标", "时效指标"] },
      { level1: "效益指标", level2: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"] },
      { level1: "成本指标", level2: ["经济成本指标", "社会成本指标", "生态环境成本指标"] },
      { level1: "满意度指标", level2: ["服务对象满意度指标"] },
    ],
  },
];

/** The built-in framework a fiscal year uses when the admin has not chosen another. */
export function defaultFrameworkId(fiscalYear: number): string {
  return fiscalYear <= 2020 ? "2020" : "2021";
}

export function findFramework(
  id: string,
  extra: ReadonlyArray<IndicatorFramework> = [],
): IndicatorFramework | undefined {
  return [...extra, ...builtInFrameworks].find((f) => f.id === id);
}

export function level2Options(framework: IndicatorFramework, level1: string): ReadonlyArray<string> {
  return framework.levels.find((l) => l.level1 === level1)?.level2 ?? [];
}

export function isValidPair(framework: IndicatorFramework, level1: string, level2: string): boolean {
  return level2Options(framework, level1).includes(level2);
}

/**
 * The roles a level-1 heading plays in the rules ("at least one 产出 and one 效果/效益 indicator"),
 * read from the heading's words so that an admin's new framework works without code changes.
 */
export function level1Role(level1: string): "output" | "outcome" | "cost" | "satisfaction" | "other" {
  if (level1.includes("产出")) return "output";
  if (level1.includes("效果") || level1.includes("效益")) return "outcome";
  if (level1.includes("成本")) return "cost";
  if (level1.includes("满意")) return "satisfaction";
  return "other";
}

/**
 * 财预〔2021〕101号 gives every indicator row a 评（扣）分标准. Its frameworks are told by their shape,
 * 成本指标 a 一级 of its own (level1Role), so an admin's framework for a later year in that shape
 * asks for it too, and the 2020 framework (成本 a 二级 under 产出) never does.
 */
export function asksScoringStandard(framework: IndicatorFramework | undefined): boolean {
  return framework?.levels.some((l) => level1Role(l.level1) === "cost") ?? false;
}

type ScoredRows = {
  framework: string;
  projects: ReadonlyArray<{ indicators: ReadonlyArray<{ scoringStandard?: string }> }>;
};

/**
 * Whether a disclosure's 绩效目标表 print the 评（扣）分标准 column: under a framework that asks for
 * it, or where a row has one (a framework of the admin's that the caller does not know: what a row
 * says is never left out of print).
 */
export function showsScoringStandard(
  performance: ScoredRows,
  frameworks: ReadonlyArray<IndicatorFramework> = [],
): boolean {
  return (
    asksScoringStandard(findFramework(performance.framework, frameworks)) ||
    performance.projects.some((p) => p.indicators.some((i) => !!i.scoringStandard?.trim()))
  );
}
