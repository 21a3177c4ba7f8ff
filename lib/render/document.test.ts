import { describe, expect, it } from "vitest";
import { sections } from "../domain/model";
import { exampleDisclosure } from "./__fixtures__/example-disclosure";
import { documentOutline, outlineTables } from "./document";
import { gridRows, type Table } from "./outline";
import { runLengths } from "./tables";

const outline = documentOutline(exampleDisclosure);
const table = (id: string): Table => {
  const found = outlineTables(outline).find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};
const texts = (t: Table, row: number) => t.rows[row].cells.map((c) => c.text);

describe("documentOutline", () => {
  it("prints the nine sections in order, numbered 一 to 九; the budget tables are no section of the text", () => {
    const text = sections.filter((s) => s.id !== "tables");
    expect(text).toHaveLength(9);
    expect(outline.sections.map((s) => s.heading)).toEqual(text.map((s) => `${s.number}、${s.title}`));
    expect(outline.sections[0].heading).toBe("一、部门职责及机构设置情况");
    expect(outline.title).toBe("三河市人民政府办公室2020年部门预算信息公开情况说明");
  });

  it("numbers the responsibilities （一）（二）… and the glossary 1、2、…", () => {
    const list = outline.sections[0].blocks.find((b) => b.kind === "list");
    expect(list?.kind === "list" && list.items.map((i) => i.label)).toEqual(["（一）", "（二）"]);
    const glossary = outline.sections[7].blocks[0];
    expect(glossary.kind === "list" && glossary.items[0]).toEqual({
      label: "1、",
      text: "一般公共预算拨款收入：指市财政当年使用一般公共预算拨付的资金。",
    });
  });

  it("every table fills its grid exactly (no ragged rows)", () => {
    for (const t of outlineTables(outline)) {
      for (const slots of gridRows(t)) {
        const last = slots[slots.length - 1];
        const cell = last.kind === "cell" ? last.cell : last.by;
        expect(last.column + (cell.colSpan ?? 1), `${t.id}`).toBe(t.columns.length);
      }
    }
  });

  it("merges 一级 and 二级 over consecutive equal rows, 二级 never across a 一级 boundary", () => {
    const t = table("indicators-1");
    expect(texts(t, 1)).toEqual(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]);
    // 产出(2 rows: 数量, 质量) · 效果(1) · 满意度(2 rows, same 二级)
    expect(t.rows[2].cells.slice(0, 2).map((c) => [c.text, c.rowSpan])).toEqual([
      ["产出指标", 2],
      ["数量指标", undefined],
    ]);
    expect(t.rows[3].cells[0].text).toBe("质量指标");
    expect(t.rows[5].cells.slice(0, 2).map((c) => [c.text, c.rowSpan])).toEqual([
      ["满意度指标", 2],
      ["服务对象满意度指标", 2],
    ]);
    expect(t.rows[6].cells[0].text).toBe("受益群体满意度（%）");
    expect(t.rows[4].cells[4].text).toBe("全面宣传三河形象");
    expect(runLengths(["a", "a", "b", "b"], (x) => x)).toEqual([2, 0, 2, 0]);
    // Equal 二级 under two different 一级 runs stay two cells.
    expect(runLengths(["x", "x", "x"], (x) => x, [1, 2, 0])).toEqual([1, 2, 0]);
  });

  it("lays out the procurement table with its grouped headings and two header rows", () => {
    const t = table("procurement");
    expect(t.columns).toHaveLength(14);
    expect(texts(t, 0)).toEqual(["434-三河市人民政府办公室", "单位：万元"]);
    expect(texts(t, 1)).toEqual([
      "政府采购项目来源",
      "采购物品名称",
      "政府采购目录序号",
      "数量单位",
      "数量",
      "单价",
      "政府采购金额",
    ]);
    expect(texts(t, 2)).toEqual(["项目名称", "预算资金", "总计", "当年部门预算安排资金", "其他渠道资金"]);
    expect(texts(t, 3)).toEqual(["合计", "一般公共预算拨款", "基金预算拨款", "财政专户核拨", "其他来源收入"]);
    expect(texts(t, 4).filter((x) => x !== "")).toEqual(["合　计", "99.00", "99.00", "99.00", "99.00"]);
    expect(texts(t, 6)).toEqual([
      "政府其他综合业务费",
      "53.94",
      "轿车",
      "A02030501",
      "辆",
      "3",
      "17.98",
      "53.94",
      "53.94",
      "53.94",
      "",
      "",
      "",
      "",
    ]);
    expect(t.rows[6].cells[7].align).toBe("right");
  });

  it("shows amounts with two decimals and thousands separators", () => {
    const t = table("assets");
    expect(texts(t, 2)).toEqual(["资产总额", "——", "1,153.01"]);
    expect(texts(t, 3)).toEqual(["1、房屋（平方米）", "6841.88", "431.38"]);
    expect(texts(t, 6)).toEqual(["3、单价在20万元以上的设备", "", ""]);
    expect(texts(t, 0)).toEqual(["编制部门：三河市人民政府办公室", "截止时间：2019年12月31日"]);
  });

  it("keeps a project's amount out of the table when the source has none", () => {
    expect(table("indicators-1").rows[0].cells[0].text).toBe("绩效目标");
    const withAmount = structuredClone(exampleDisclosure);
    withAmount.performance.projects[0].amount = "12.50";
    const t = outlineTables(documentOutline(withAmount)).find((x) => x.id === "indicators-1");
    expect(t?.rows[0].cells.map((c) => c.text)).toEqual(["资金金额（万元）", "12.50"]);
  });
});
