import { describe, expect, it } from "vitest";
import { budgetTables, numberedTitle } from "../domain/budget-tables";
import { classification2020, sanhe2020WithTables } from "../domain/__fixtures__/sanhe-2020-tables";
import { exampleDisclosure } from "./__fixtures__/example-disclosure";
import { budgetTableGrids } from "./budget-tables";
import { documentOutline, outlineTables } from "./document";
import { documentHtml } from "./html";
import { gridRows, type Table } from "./outline";

const d = sanhe2020WithTables();
const catalogue = classification2020();
const outline = documentOutline(d, { nameOf: catalogue.nameOf });
const appendix = outline.appendix!;
const table = (id: string): Table => {
  const found = outlineTables(outline).find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};
const bodyRow = (t: Table, first: string) => t.rows.find((r) => !r.header && !r.frameless && r.cells[0].text === first);

describe("the budget tables in the document outline", () => {
  it("follow the nine sections, titled and numbered 表1 … 表10 as the definitions", () => {
    expect(outline.sections).toHaveLength(9);
    expect(appendix.heading).toBe("附表：2020年部门预算公开表");
    const captions = appendix.blocks.flatMap((b) => (b.kind === "caption" ? [b.text] : []));
    expect(captions).toEqual(budgetTables.map(numberedTitle));
    expect(captions[0]).toBe("表1 部门收支总表");
    expect(captions[9]).toBe("表10 项目支出表");
  });

  it("prints codes as text, 类/款/项 indented by level, subtotals and 合计 from computeTable", () => {
    const t = table("budget-table-3");
    expect(t.rows[0].frameless).toBe(true);
    expect(t.rows[1].cells.map((c) => c.text)).toEqual(["支出功能分类科目", "合计", "基本支出", "项目支出"]);
    expect(t.rows[2].cells.map((c) => c.text)).toEqual(["科目编码", "科目名称", "小计", "人员经费", "公用经费"]);
    const total = t.rows[3];
    expect(total.cells.map((c) => c.text)).toEqual([
      "",
      "合计",
      "2,765.39",
      "1,162.43",
      "1,062.44",
      "99.99",
      "1,602.96",
    ]);
    const kind = bodyRow(t, "201")!;
    expect(kind.cells[1]).toEqual({ text: "一般公共服务支出" });
    const section = bodyRow(t, "20103")!;
    expect(section.cells[1]).toMatchObject({ text: "政府办公厅（室）及相关机构事务", indent: 1 });
    // 20103 = 行政运行 839.99 + 一般行政管理事务 199.30 + 机关服务 90.00 + 其他 30.00
    expect(section.cells[2].text).toBe("1,159.29");
    const item = bodyRow(t, "2010301")!;
    expect(item.cells.slice(0, 3)).toEqual([
      { text: "2010301" },
      { text: "行政运行", indent: 2 },
      { text: "839.99", align: "right" },
    ]);
    expect(t.frozen).toBe(2);
    // 2101101 stays the text "2101101" (a code, not a number); a code with a leading zero would too.
    expect(typeof item.cells[0].text).toBe("string");
  });

  it("names a subtotal from the disclosure's own rows when no catalogue is given", () => {
    const own = budgetTableGrids(d.tables!)[2].parts[0].rows;
    expect(own.find((r) => r.code === "201")?.name).toBe("一般公共服务支出");
    expect(own.find((r) => r.code === "20103")?.name).toBe("");
  });

  it("prints an empty table's headings and its 空表说明 under it", () => {
    const i = appendix.blocks.findIndex((b) => b.kind === "caption" && b.text === "表8 政府性基金预算支出表");
    const [caption, grid, note] = appendix.blocks.slice(i, i + 3);
    expect(caption.kind).toBe("caption");
    expect(grid.kind === "table" && grid.table.rows.every((r) => r.header || r.frameless)).toBe(true);
    expect(note).toEqual({ kind: "paragraph", text: "本部门无政府性基金预算支出，故本表为空表", indent: false });
  });

  it("prints the line tables: 收入 by source with 收入合计, the 三公 parts indented under 公务用车", () => {
    const income = table("budget-table-1-lines");
    expect(bodyRow(income, "收入合计")?.cells).toEqual([
      { text: "收入合计", bold: true, align: "left" },
      { text: "2,765.39", align: "right" },
    ]);
    const tp = table("budget-table-7");
    expect(bodyRow(tp, "合计")?.cells.map((c) => c.text)).toEqual(["合计", "252.89", "253.00", "-0.11"]);
    expect(bodyRow(tp, "公务用车购置费")?.cells[0]).toEqual({ text: "公务用车购置费", indent: 1 });
  });

  it("fills every grid exactly", () => {
    for (const t of outlineTables(outline))
      for (const slots of gridRows(t)) {
        const last = slots[slots.length - 1];
        const cell = last.kind === "cell" ? last.cell : last.by;
        expect(last.column + (cell.colSpan ?? 1), t.id).toBe(t.columns.length);
      }
  });

  it("shows them on the page after the text, the code and name columns kept in view", () => {
    const html = documentHtml(outline);
    expect(html.indexOf('id="section-tables"')).toBeGreaterThan(html.indexOf('id="section-otherMatters"'));
    expect(html).toContain('<p class="dd-caption" id="caption-budget-table-3">表3 部门支出总表</p>');
    expect(html).toContain(
      '<td class="l dd-frz" style="left:0.00em">2010301</td><td class="l dd-i2 dd-frz dd-frz-edge" style="left:6.16em">行政运行</td>',
    );
    expect(html).toContain("本部门无国有资本经营预算支出，故本表为空表");
  });

  it("leaves a disclosure without tables as it was: no appendix, no table section", () => {
    const plain = documentOutline(exampleDisclosure);
    expect(plain.appendix).toBeUndefined();
    expect(Object.keys(plain)).toEqual(["title", "preamble", "sections"]);
    expect(documentHtml(plain)).not.toContain("section-tables");
  });
});
