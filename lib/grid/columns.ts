import type { EditableIndicator } from "../domain/editable";
import { asksScoringStandard, isValidPair, level2Options, type IndicatorFramework } from "../domain/frameworks";
import { weightProblem } from "../domain/limits";
import { normaliseNumber } from "../domain/money";
import { normaliseText, textProblem } from "../domain/text-hygiene";
import { parseTarget } from "../domain/targets";
import { gridMessages } from "../i18n/zh-CN/grid";

/**
 * The columns of the 绩效目标表 grid and how a cell's text becomes a field of the indicator.
 * Framework-free (no React): the grid, the paste planner and the tests share one reading of a cell.
 */

export const gridColumnKeys = [
  "level1",
  "level2",
  "name",
  "description",
  "target",
  "basis",
  "scoringStandard",
  "weight",
  "direction",
] as const;
export type GridColumnKey = (typeof gridColumnKeys)[number];

/**
 * 评（扣）分标准 where the framework asks each row for one (财预〔2021〕101号, frameworks.ts);
 * 权重 and 方向 only where a table uses them (newer tables, the provinces' systems).
 */
export const baseColumns: ReadonlyArray<GridColumnKey> = ["level1", "level2", "name", "description", "target", "basis"];
export const extendedColumns: ReadonlyArray<GridColumnKey> = [...baseColumns, "weight", "direction"];

export function visibleColumns(showExtra: boolean, scored = false): ReadonlyArray<GridColumnKey> {
  const base = scored ? [...baseColumns, "scoringStandard" as const] : baseColumns;
  return showExtra ? [...base, "weight", "direction"] : base;
}

/** A table already carrying 权重 or 方向 shows those columns without being asked. */
export function usesExtraColumns(rows: ReadonlyArray<EditableIndicator>): boolean {
  return rows.some((r) => r.weight != null || r.direction != null);
}

/** The 评（扣）分标准 column: under a framework that asks for it, or on a table whose rows already have one. */
export function usesScoringStandard(rows: ReadonlyArray<EditableIndicator>, framework: IndicatorFramework): boolean {
  return asksScoringStandard(framework) || rows.some((r) => !!r.scoringStandard);
}

/** Columns whose value is one of a list: the grid offers the list while editing. */
export function isChoiceColumn(key: GridColumnKey): boolean {
  return key === "level1" || key === "level2" || key === "direction";
}

export function choicesFor(
  key: GridColumnKey,
  row: Pick<EditableIndicator, "level1"> | undefined,
  framework: IndicatorFramework,
): ReadonlyArray<string> {
  switch (key) {
    case "level1":
      return framework.levels.map((l) => l.level1);
    case "level2":
      return row ? level2Options(framework, row.level1) : [];
    case "direction":
      return [gridMessages.direction.positive, gridMessages.direction.negative];
    default:
      return [];
  }
}

/** The text a cell shows and edits: what the clerk wrote (the raw 指标值, not its parsed form). */
export function cellText(row: EditableIndicator, key: GridColumnKey): string {
  switch (key) {
    case "target":
      return row.target.raw;
    case "weight":
      return row.weight == null ? "" : String(row.weight);
    case "direction":
      return row.direction ? gridMessages.direction[row.direction] : "";
    case "scoringStandard":
      return row.scoringStandard ?? "";
    default:
      return row[key];
  }
}

export type CellWrite = { ok: true; row: EditableIndicator } | { ok: false; message: string };

/**
 * The row with `text` written into one cell. 指标值 keeps the raw text beside its parsed form;
 * a 权重 or 方向 that cannot be read is refused with a message (the grid keeps the typed text
 * in the editor, so nothing is lost). Changing 一级指标 clears a 二级指标 that no longer belongs.
 */
export function writeCell(
  row: EditableIndicator,
  key: GridColumnKey,
  typed: string,
  framework: IndicatorFramework,
): CellWrite {
  // What no text may hold is refused at the cell, as the save would refuse it (text-hygiene.ts).
  const text = normaliseText(typed);
  const fault = textProblem(text);
  if (fault) return { ok: false, message: fault };
  switch (key) {
    case "target":
      return { ok: true, row: { ...row, target: parseTarget(text) } };
    case "weight": {
      const t = text.trim();
      if (t === "") return { ok: true, row: { ...row, weight: null } };
      const n = normaliseNumber(t.replace(/[%％分]$/, ""));
      if (n === null || n.startsWith("-")) return { ok: false, message: gridMessages.cell.weightNotNumber(t) };
      // 权重 is a score out of 100, never money: a JS number is exact enough for it.
      const weight = Number(n);
      const beyond = weightProblem(weight);
      return beyond ? { ok: false, message: beyond } : { ok: true, row: { ...row, weight } };
    }
    case "direction": {
      const t = text.replace(/\s/g, "");
      if (t === "") return { ok: true, row: { ...row, direction: null } };
      if (/^正向?(指标)?$/.test(t)) return { ok: true, row: { ...row, direction: "positive" } };
      if (/^(反|逆|负)向?(指标)?$/.test(t)) return { ok: true, row: { ...row, direction: "negative" } };
      return { ok: false, message: gridMessages.cell.directionUnknown(text.trim()) };
    }
    case "level1": {
      const level1 = text.trim();
      const keepLevel2 =
        row.level2 === "" ||
        isValidPair(framework, level1, row.level2) ||
        level2Options(framework, level1).length === 0;
      return { ok: true, row: { ...row, level1, level2: keepLevel2 ? row.level2 : "" } };
    }
    case "level2":
      return { ok: true, row: { ...row, level2: text.trim() } };
    default:
      // Long texts keep their inner spacing; only the edges are trimmed.
      return { ok: true, row: { ...row, [key]: text.trim() } };
  }
}

/** A new row, carrying the 一级/二级 of the row it is added after (several rows of a kind come together). */
export function blankIndicator(id: string, like?: Pick<EditableIndicator, "level1" | "level2">): EditableIndicator {
  return {
    id,
    level1: like?.level1 ?? "",
    level2: like?.level2 ?? "",
    name: "",
    description: "",
    target: { raw: "", kind: "unparsed" },
    basis: "",
  };
}

export function isBlankIndicator(row: EditableIndicator): boolean {
  return (
    row.name === "" &&
    row.description === "" &&
    row.target.raw.trim() === "" &&
    row.basis === "" &&
    !row.scoringStandard &&
    row.weight == null
  );
}
