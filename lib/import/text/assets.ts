import { money, normaliseNumber } from "../../domain/money";
import type { Assets } from "../../domain/model";
import { clauseBetween, findAmount, readAmount } from "./figures";
import type { StatedFigures } from "./narrative-figures";
import type { Problems } from "./problems";
import { cellTexts, squash, type Item, type Paragraph, type Row } from "./source";

/**
 * 七、国有资产信息: "上年末固定资产金额为1153.01万元，本年度…拟购置固定资产总额为99万元，主要为…" and
 * the table 部门固定资产占用情况表 (数量 | 价值), taken at "截止时间：2019年12月31日".
 */

type RowKind = "total" | "buildings" | "officeBuildings" | "vehicles" | "equipmentOver200k" | "other";

function kindOf(label: string): RowKind | null {
  if (/资产总额|合计|总计/.test(label)) return "total";
  if (/办公用房/.test(label)) return "officeBuildings";
  if (/房屋|土地/.test(label)) return "buildings";
  if (/车辆/.test(label)) return "vehicles";
  if (/设备/.test(label)) return "equipmentOver200k";
  if (/其他/.test(label)) return "other";
  return null;
}

const EMPTY = /^(|——|—|-|－|\/|无)$/;

export function emptyAssets(): Assets {
  return {
    asOf: null,
    fixedAssetsTotal: null,
    plannedPurchase: null,
    plannedPurchaseNote: "",
    buildings: { area: null, value: null },
    officeBuildings: { area: null, value: null },
    vehicles: { count: null, value: null },
    equipmentOver200k: { count: null, value: null },
    other: { value: null },
  };
}

export function readAssets(
  items: ReadonlyArray<Item>,
  problems: Problems,
  headingLine: number,
  stated: StatedFigures,
): { assets: Assets; preparedBy: string | null } {
  const assets = emptyAssets();
  const paras = items.filter((i): i is Paragraph => i.kind === "para");
  const total = findAmount(paras, /(?<!购置)固定资产(?:金额|总额|原值|价值)?/, problems, "assets.fixedAssetsTotal");
  assets.fixedAssetsTotal = total?.amount ?? null;
  if (!total) problems.add(headingLine, "未找到上年末固定资产金额", "assets.fixedAssetsTotal");
  const planned = findAmount(paras, /拟购置(?:固定资产)?(?:总额|金额)?/, problems, "assets.plannedPurchase");
  if (planned) {
    assets.plannedPurchase = planned.amount;
    const rest = planned.para.text.slice(planned.end);
    const clause = /^[，,]?[^，,。；;]*/.exec(rest);
    assets.plannedPurchaseNote = clause ? clauseBetween(clause[0], 0, clause[0].length) : "";
  }
  let preparedBy: string | null = null;
  let inYuan = false;
  for (const row of items.filter((i): i is Row => i.kind === "row")) {
    const cells = cellTexts(row);
    const label = squash(cells[0] ?? "");
    for (const cell of cells) {
      const date = /截止(?:时间|日期)[：:]\s*(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})/.exec(squash(cell));
      if (date) assets.asOf = `${date[1]}-${date[2].padStart(2, "0")}-${date[3].padStart(2, "0")}`;
      const by = /编制(?:部门|单位)[：:](.+)$/.exec(cell.trim());
      if (by) preparedBy = by[1].trim();
      if (/金额单位[：:]元/.test(squash(cell)) && !inYuan) {
        inYuan = true;
        problems.add(row.no, "资产表以元为单位，价值已换算为万元", "assets");
      }
    }
    const kind = kindOf(label);
    if (!kind || /编制|截止/.test(label)) continue;
    const value = readRow(kind, cells, inYuan ? "元" : "万元", row.no, assets, problems);
    if (kind === "total" && total?.amount && value !== null) {
      stated.twice(
        "assets.fixedAssetsTotal",
        "第七部分",
        { label: "上年末固定资产金额", amount: total.amount, where: "文字中", line: total.para.no },
        { label: "价值", amount: value, where: `资产表“${label}”行`, line: row.no },
      );
    }
  }
  if (assets.asOf === null && items.some((i) => i.kind === "row")) {
    problems.add(headingLine, "资产表未写明截止时间", "assets.asOf");
  }
  return { assets, preparedBy };
}

/** Reads one row into `assets`; returns the value it read. */
function readRow(
  kind: RowKind,
  cells: string[],
  unit: string,
  line: number,
  assets: Assets,
  problems: Problems,
): string | null {
  const path = kind === "total" ? "assets.fixedAssetsTotal" : `assets.${kind}`;
  if (cells.length !== 3)
    problems.add(line, `资产表的这一行有 ${cells.length} 个单元格，应为 3 个（项目、数量、价值）`, path);
  const [, quantityText = "", valueText = ""] = cells;
  const value = EMPTY.test(valueText) ? null : readAmount(valueText, unit, line, problems, `${path}.value`, false);
  const quantity = EMPTY.test(quantityText) ? null : quantityText;
  switch (kind) {
    case "total":
      // The sentence's figure is kept; the caller compares the two.
      assets.fixedAssetsTotal = assets.fixedAssetsTotal ?? value;
      return value;
    case "buildings":
    case "officeBuildings":
      assets[kind] = { area: quantity === null ? null : readArea(quantity, line, `${path}.area`, problems), value };
      return value;
    case "vehicles":
    case "equipmentOver200k":
      assets[kind] = { count: quantity === null ? null : readCount(quantity, line, `${path}.count`, problems), value };
      return value;
    case "other":
      assets.other = { value };
      return value;
  }
}

/** m², kept as written when it is a plain decimal ("6841.88"). */
function readArea(text: string, line: number, path: string, problems: Problems): string | null {
  const number = normaliseNumber(text);
  if (number === null) {
    problems.add(line, `无法读取面积“${text}”`, path);
    return null;
  }
  return /^-?\d+(\.\d+)?$/.test(number) ? number : money(number).toFixed();
}

function readCount(text: string, line: number, path: string, problems: Problems): number | null {
  const number = normaliseNumber(text);
  if (number === null || !/^\d+(\.0*)?$/.test(number)) {
    problems.add(line, `无法读取数量“${text}”（应为整数）`, path);
    return null;
  }
  return Number.parseInt(number, 10);
}
