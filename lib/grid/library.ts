import { z } from "zod";
import { findFramework, isValidPair, level1Role, level2Options, type IndicatorFramework } from "../domain/frameworks";
import type { Indicator } from "../domain/model";
import { parseTarget } from "../domain/targets";
import { gridMessages } from "../i18n/zh-CN/grid";

/**
 * The indicator library as the grid sees it: common indicators (the admin's list) and the
 * department's own rows of earlier years, one entry shape for both, fitted to the framework of
 * the table they are inserted into.
 */

export type LibraryEntry = {
  id: string;
  source: "common" | "own";
  frameworkId: string;
  level1: string;
  level2: string;
  name: string;
  description: string;
  /** 指标值 as written; parsed when inserted. */
  target: string;
  basis: string;
  /** 评（扣）分标准; "" where the entry has none. */
  scoringStandard: string;
  /** Own rows: the year and project fund they come from. */
  fiscalYear?: number;
  project?: string;
};

export type LibrarySearchResult = { common: LibraryEntry[]; own: LibraryEntry[] };

const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`);

/** One common indicator as the admin edits it; the same schema checks the form and the server action. */
export const libraryEntryInput = z.object({
  id: z.uuid().optional(),
  frameworkId: z.string().trim().min(1, gridMessages.admin.frameworkUnknown),
  level1: text(40).min(1, gridMessages.admin.levelsInvalid),
  level2: text(40).min(1, gridMessages.admin.levelsInvalid),
  name: text(200).min(1, gridMessages.admin.nameRequired),
  description: text(500),
  target: text(100),
  basis: text(500),
  scoringStandard: text(500).default(""),
});
export type LibraryEntryInput = z.input<typeof libraryEntryInput>;

/**
 * What is wrong with an entry beyond its shape, by field: the headings must be a pair of the chosen
 * framework and a 指标值, if given, must be readable (a library row is a model: it should not
 * teach mistakes). Empty when it may be saved.
 */
export function checkLibraryEntry(
  input: LibraryEntryInput,
  frameworks: ReadonlyArray<IndicatorFramework>,
): Record<string, string[]> {
  const framework = findFramework(input.frameworkId, frameworks);
  if (!framework) return { frameworkId: [gridMessages.admin.frameworkUnknown] };
  const problems: Record<string, string[]> = {};
  if (!isValidPair(framework, input.level1, input.level2)) problems.level2 = [gridMessages.admin.levelsInvalid];
  if (input.target !== "" && parseTarget(input.target).kind === "unparsed")
    problems.target = [gridMessages.admin.targetUnparsed];
  return problems;
}

/**
 * The entry's 一级/二级 in `framework`. A 2020 row (效果指标 › 社会效益指标) inserted into a 2021
 * table becomes 效益指标 › 社会效益指标: the 二级 heading is looked up first, then the role of the
 * 一级 heading (output, outcome, cost, satisfaction). 2020's 产出指标 › 成本指标 becomes 2021's
 * 成本指标 › 经济成本指标, the usual reading. `fitted` tells the clerk a heading was changed.
 */
export function fitToFramework(
  entry: Pick<LibraryEntry, "level1" | "level2">,
  framework: IndicatorFramework,
): { level1: string; level2: string; fitted: boolean } {
  const { level1, level2 } = entry;
  if (level2Options(framework, level1).includes(level2)) return { level1, level2, fitted: false };
  const byLevel2 = framework.levels.find((l) => l.level2.includes(level2));
  if (byLevel2) return { level1: byLevel2.level1, level2, fitted: true };
  const role = level2.includes("成本") ? "cost" : level1Role(level1);
  if (role === "cost" && !framework.levels.some((l) => level1Role(l.level1) === "cost")) {
    // 2020 keeps cost under 产出指标 as a 二级 heading of its own.
    const host = framework.levels.find((l) => l.level2.some((x) => x.includes("成本")));
    if (host) return { level1: host.level1, level2: host.level2.find((x) => x.includes("成本"))!, fitted: true };
  }
  const byRole = role === "other" ? undefined : framework.levels.find((l) => level1Role(l.level1) === role);
  if (byRole) {
    const kept = byRole.level2.includes(level2)
      ? level2
      : role === "cost" || byRole.level2.length === 1
        ? byRole.level2[0]
        : level2;
    return { level1: byRole.level1, level2: kept, fitted: true };
  }
  return { level1, level2, fitted: false };
}

/** The indicator a picked entry becomes (the grid gives it a fresh row id). */
export function entryToIndicator(entry: LibraryEntry, framework: IndicatorFramework): Indicator {
  const { level1, level2 } = fitToFramework(entry, framework);
  return {
    level1,
    level2,
    name: entry.name,
    description: entry.description,
    target: parseTarget(entry.target),
    basis: entry.basis,
    ...(entry.scoringStandard ? { scoringStandard: entry.scoringStandard } : {}),
  };
}
