import type { IndicatorFramework } from "../domain/frameworks";
import { adminMessages } from "../i18n/zh-CN/admin";

/**
 * A framework's levels as the admin types them, one 一级 per line with its 二级 after a colon:
 *
 *   产出指标：数量指标、质量指标、时效指标
 *   效益指标：经济效益指标、社会效益指标
 *
 * Colons and separators in either width, blank lines ignored; every problem names its line.
 */

const f = adminMessages.frameworks;

export type LevelsResult = { levels: IndicatorFramework["levels"]; problems: string[] };

export function parseLevels(text: string): LevelsResult {
  const levels: IndicatorFramework["levels"] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") return;
    const match = /^([^:：]+)[:：](.+)$/.exec(line);
    const level2 = match
      ? [
          ...new Set(
            match[2]
              .split(/[、,，;；]/)
              .map((s) => s.trim())
              .filter((s) => s !== ""),
          ),
        ]
      : [];
    if (!match || level2.length === 0) {
      problems.push(f.levelLine(index + 1, line));
      return;
    }
    const level1 = match[1].trim();
    if (seen.has(level1)) {
      problems.push(f.levelDuplicate(index + 1, level1));
      return;
    }
    seen.add(level1);
    levels.push({ level1, level2 });
  });
  if (levels.length === 0 && problems.length === 0) problems.push(f.levelsEmpty);
  return { levels, problems };
}

/** The levels back as text, for a new framework started from an existing one. */
export function printLevels(levels: IndicatorFramework["levels"]): string {
  return levels.map((l) => `${l.level1}：${l.level2.join("、")}`).join("\n");
}
