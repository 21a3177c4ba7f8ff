import type { OrgUnit } from "../../domain/model";
import type { Problems } from "./problems";
import { cellTexts, squash, type Item, type Paragraph, type Row } from "./source";

/** 一、部门职责及机构设置情况: the numbered responsibilities （一）… and the table of units. */

export type Organisation = { responsibilities: string[]; orgUnits: OrgUnit[] };

const NUMBERED = /^[（(]\s*[一二三四五六七八九十百零〇]+\s*[)）]\s*(.*)$/s;
const MARKERS = /^(部门职责|主要职责|职责|机构设置|部门机构设置情况|机构设置情况)[：:]?$/;

const COLUMNS: ReadonlyArray<[keyof OrgUnit, RegExp, string]> = [
  ["name", /单位名称|名称/, "单位名称"],
  ["nature", /性质/, "单位性质"],
  ["level", /规格|级别/, "单位规格"],
  ["fundingForm", /经费|保障形式/, "经费保障形式"],
];

export function readOrganisation(items: ReadonlyArray<Item>, problems: Problems, headingLine: number): Organisation {
  const responsibilities: string[] = [];
  let inUnits = false;
  let lastNumbered = false;
  for (const item of items) {
    if (item.kind === "row") continue;
    const text = squash(item.text);
    if (/^机构设置/.test(text)) inUnits = true;
    if (MARKERS.test(text) || inUnits) continue;
    const numbered = NUMBERED.exec(item.text);
    if (numbered) {
      responsibilities.push(numbered[1].trim());
      lastNumbered = true;
    } else if (lastNumbered) {
      // A responsibility that runs over two paragraphs.
      responsibilities[responsibilities.length - 1] += `\n${item.text}`;
    } else {
      responsibilities.push(item.text);
      problems.add(item.no, "部门职责未按（一）（二）…编号，已按段落读取", "responsibilities");
    }
  }
  if (responsibilities.length === 0) problems.add(headingLine, "未找到部门职责", "responsibilities");
  return {
    responsibilities,
    orgUnits: readUnits(
      items.filter((i): i is Row => i.kind === "row"),
      problems,
      headingLine,
    ),
  };
}

function readUnits(tableRows: ReadonlyArray<Row>, problems: Problems, headingLine: number): OrgUnit[] {
  if (tableRows.length === 0) {
    problems.add(headingLine, "未找到机构设置表", "orgUnits");
    return [];
  }
  const headerIndex = tableRows.findIndex((r) => r.cells.some((c) => /单位名称/.test(squash(c.text))));
  const header = headerIndex >= 0 ? cellTexts(tableRows[headerIndex]).map(squash) : null;
  if (!header)
    problems.add(
      tableRows[0].no,
      "机构设置表没有表头，按“单位名称、单位性质、单位规格、经费保障形式”的顺序读取",
      "orgUnits",
    );
  const positions = COLUMNS.map(([, words, label], i) => {
    if (!header) return i;
    const at = header.findIndex((h) => words.test(h));
    if (at < 0) problems.add(tableRows[headerIndex].no, `机构设置表缺少“${label}”列`, "orgUnits");
    return at;
  });
  const units: OrgUnit[] = [];
  tableRows.forEach((row, index) => {
    if (index <= headerIndex) return;
    const cells = cellTexts(row);
    if (cells.every((c) => c === "")) return;
    const path = `orgUnits[${units.length}]`;
    if (cells.length !== COLUMNS.length)
      problems.add(row.no, `机构设置表的这一行有 ${cells.length} 个单元格，应为 ${COLUMNS.length} 个`, path);
    const unit = { name: "", nature: "", level: "", fundingForm: "" };
    COLUMNS.forEach(([field], i) => {
      const at = positions[i];
      unit[field] = at >= 0 ? (cells[at] ?? "") : "";
    });
    units.push(unit);
  });
  return units;
}

/** The title line and the sentence after it ("按照《中华人民共和国预算法》…公开如下："). */
export function readFront(front: ReadonlyArray<Paragraph>): {
  title: string;
  titleLine: number | null;
  preamble: string;
} {
  const [first, ...rest] = front;
  return {
    title: first?.text ?? "",
    titleLine: first?.no ?? null,
    preamble: rest.map((p) => p.text).join("\n"),
  };
}
