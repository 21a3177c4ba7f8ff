import type { Target } from "../domain/model";
import { operatorSymbol, parseTarget } from "../domain/targets";
import { gridMessages } from "../i18n/zh-CN/grid";

/**
 * How the grid shows what it understood of a 指标值 while it is typed: `≥ 95 %`, 定性, or why it
 * cannot be read. The reading itself is lib/domain/targets.ts; this only words it.
 */
export type TargetReading = { tone: "quantitative" | "qualitative" | "empty" | "unparsed"; text: string };

export function readTarget(target: Target): TargetReading {
  switch (target.kind) {
    case "quantitative":
      return {
        tone: "quantitative",
        text: [operatorSymbol(target.operator), target.value, target.unit].filter((s) => s !== "").join(" "),
      };
    case "qualitative":
      return { tone: "qualitative", text: gridMessages.target.qualitative };
    case "unparsed":
      return target.raw.trim() === ""
        ? { tone: "empty", text: gridMessages.target.empty }
        : { tone: "unparsed", text: gridMessages.target.unparsed };
  }
}

export function readTargetText(raw: string): TargetReading {
  return readTarget(parseTarget(raw));
}
