import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { indicator as indicatorSchema } from "../domain/model";
import { longWorkbook, sheetXml, workbookOf } from "./__fixtures__/long-workbook";
import { readIndicatorRows } from "./indicator-table";
import { ParseLimitError, parseLimits } from "./upload/limits";
import { formatNumber, readWorkbook, readWorkbookRows } from "./xlsx-rows";

/** A 绩效目标表 as a province's budget system exports it: title merged across, 一级 merged down. */
async function buildWorkbook(): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("绩效目标表");
  sheet.addRow(["市长热线办公室业务费绩效目标表"]);
  sheet.mergeCells("A1:H1");
  sheet.addRow(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "指标值确定依据"]);
  sheet.addRow(["产出指标", "数量指标", "热线受理", "≥", 10000, "次", 20, "往年历史数据"]);
  sheet.addRow([null, "质量指标", "办结率", "≥", 0.95, "%", 20, "计划标准"]);
  sheet.addRow([null, "时效指标", "办理时限", "≤", 5, "天", 10, "计划标准"]);
  sheet.addRow([null, "成本指标", "单次成本", "≤", 0.1 + 0.2, "万元", 10, "预算"]);
  sheet.addRow(["效果指标", "社会效益指标", "群众知晓度", "定性", "明显提升", null, 20, "计划标准"]);
  sheet.addRow(["满意度指标", "服务对象满意度指标", "群众满意度", null, 0.9, null, 10, "问卷"]);
  sheet.mergeCells("A3:A6");
  sheet.getCell("E4").numFmt = "0%";
  sheet.getCell("E8").numFmt = '">="0.00%';
  sheet.getCell("G8").value = { formula: "100-SUM(G3:G7)", result: 10 };
  sheet.getCell("C7").value = { richText: [{ text: "群众" }, { text: "知晓度", font: { bold: true } }] };

  const second = workbook.addWorksheet("说明");
  second.addRow(["填报说明", new Date(Date.UTC(2020, 0, 15))]);
  const buffer = await workbook.xlsx.writeBuffer();
  return buffer as ArrayBuffer;
}

describe("readWorkbookRows", () => {
  it("reads every sheet as the sheet shows it, merged 一级 cells on every row they span", async () => {
    const [table, notes] = await readWorkbookRows(await buildWorkbook());
    expect(table[0]).toEqual(["市长热线办公室业务费绩效目标表"]);
    expect(table.slice(2).map((row) => row[0])).toEqual([
      "产出指标",
      "产出指标",
      "产出指标",
      "产出指标",
      "效果指标",
      "满意度指标",
    ]);
    expect(table[3][4]).toBe("95%");
    expect(table[5][4]).toBe("0.3");
    expect(table[7][4]).toBe(">=90.00%");
    expect(table[7][6]).toBe("10");
    expect(table[6][2]).toBe("群众知晓度");
    expect(notes).toEqual([["填报说明", "2020-01-15"]]);
  });

  it("feeds readIndicatorRows", async () => {
    const [rows] = await readWorkbookRows(new Uint8Array(await buildWorkbook()));
    const table = readIndicatorRows(rows);
    expect(table.problems).toEqual([]);
    expect(table.indicators).toHaveLength(6);
    for (const i of table.indicators) expect(indicatorSchema.parse(i)).toEqual(i);
    expect(table.indicators[1].target).toEqual({
      raw: "≥95%",
      kind: "quantitative",
      operator: ">=",
      value: "95",
      unit: "%",
    });
    expect(table.indicators[3].target).toMatchObject({ operator: "<=", value: "0.3", unit: "万元" });
    expect(table.indicators[4].target).toEqual({ raw: "明显提升", kind: "qualitative", text: "明显提升" });
    expect(table.indicators[5].target).toEqual({
      raw: ">=90.00%",
      kind: "quantitative",
      operator: ">=",
      value: "90.00",
      unit: "%",
    });
    expect(table.indicators.map((i) => i.weight)).toEqual([20, 20, 10, 10, 20, 10]);
  });

  it("reports a file that is not a workbook as an error the caller can catch", async () => {
    await expect(readWorkbookRows(new TextEncoder().encode("不是表格"))).rejects.toThrow();
  });
});

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const small = { rows: 100, cells: 1_000, lines: 1_000 };

/** What the reader throws, as `rows > 100` or `cells > 1000`; "read" when it reads. */
function outcome(read: () => unknown): string {
  try {
    read();
    return "read";
  } catch (error) {
    if (error instanceof ParseLimitError) return `${error.limit} > ${error.max}`;
    throw error;
  }
}

describe("readWorkbook within the parse limits", () => {
  it("reads the longest workbook the row limit allows, and refuses one row more at that row", async () => {
    // The header and 9,999 indicators: 10,000 rows, the limit.
    const [sheet] = readWorkbook(await longWorkbook(parseLimits.rows - 1));
    expect(sheet.name).toBe("绩效目标表");
    expect(sheet.rows).toHaveLength(parseLimits.rows);
    expect(sheet.rows.at(-1)).toEqual([
      "产出指标",
      "数量指标",
      `指标${parseLimits.rows - 1}`,
      "≥",
      String(parseLimits.rows - 1),
      "次",
    ]);
    await expect(longWorkbook(parseLimits.rows).then((bytes) => readWorkbook(bytes))).rejects.toThrow(
      new ParseLimitError("rows", parseLimits.rows),
    );
  });

  it("counts each row up to its last filled cell, and rows as the sheet numbers them", async () => {
    const wide = await workbookOf(
      sheetXml(`<sheetData><row r="1">${inline("A1", "甲")}${inline("ALL1", "乙")}</row></sheetData>`),
    );
    // Column ALL is the 1,000th: the row is 1,000 cells wide, though only two are filled.
    expect(readWorkbook(wide, small)[0].rows[0]).toHaveLength(1_000);
    expect(outcome(() => readWorkbook(wide, { ...small, cells: 999 }))).toBe("cells > 999");
    const tall = await workbookOf(sheetXml(`<sheetData><row r="101">${inline("A101", "甲")}</row></sheetData>`));
    expect(outcome(() => readWorkbook(tall, small))).toBe("rows > 100");
  });

  it("refuses a merge that would fill more rows than the limit, and merges whose work would multiply", async () => {
    const down = (ref: string) =>
      workbookOf(
        sheetXml(
          `<sheetData><row r="1">${inline("A1", "一级")}</row></sheetData><mergeCells><mergeCell ref="${ref}"/></mergeCells>`,
        ),
      );
    expect(readWorkbook(await down("A1:A3"), small)[0].rows).toEqual([["一级"], ["一级"], ["一级"]]);
    const whole = await down("A1:A1048576");
    expect(outcome(() => readWorkbook(whole, small))).toBe("rows > 100");

    const rows = Array.from(
      { length: 50 },
      (_, r) => `<row r="${r + 1}">${inline(`A${r + 1}`, "x")}${inline(`T${r + 1}`, "y")}</row>`,
    ).join("");
    const merges = Array.from({ length: 200 }, () => '<mergeCell ref="A1:T50"/>').join("");
    const many = await workbookOf(sheetXml(`<sheetData>${rows}</sheetData><mergeCells>${merges}</mergeCells>`));
    expect(outcome(() => readWorkbook(many, small))).toBe("cells > 1000");
  });

  it("refuses more shared strings than the workbook may have cells, before reading a sheet", async () => {
    const strings = Array.from({ length: 1_001 }, (_, i) => `词${i}`);
    const bytes = await workbookOf(sheetXml("<sheetData/>"), strings);
    expect(outcome(() => readWorkbook(bytes, small))).toBe("cells > 1000");
  });

  it("reads what other programs write: prefixed names, cells without references, phonetic guides, character references", async () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row><x:c t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c></x:row>' +
      '<x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:r><x:t>A &amp; B</x:t></x:r><x:r><x:t xml:space="preserve"> &#x4E00;</x:t></x:r><x:rPh><x:t>yi</x:t></x:rPh></x:is></x:c>' +
      '<x:c r="C3" t="inlineStr"><x:is><x:t>坏&#0;字&#xD800;</x:t></x:is></x:c><x:c r="D3" t="b"><x:v>1</x:v></x:c><x:c r="E3" t="e"><x:v>#DIV/0!</x:v></x:c></x:row>' +
      "</x:sheetData></x:worksheet>";
    const [sheet] = readWorkbook(await workbookOf(xml, ["共享_x000D_"]));
    expect(sheet.rows).toEqual([["甲", "2", "共享\r"], [], ["", "A & B 一", "坏\ufffd字\ufffd", "true", "#DIV/0!"]]);
  });
});

describe("formatNumber", () => {
  it.each([
    [0.95, "0%", "95%"],
    [0.955, "0.0%", "95.5%"],
    [0.9, "0.00%", "90.00%"],
    [0.1 + 0.2, "General", "0.3"],
    [0.1 + 0.2, undefined, "0.3"],
    [2765.39, "#,##0.00", "2765.39"],
    [2765.395, "0.00", "2765.40"],
    [12, '0"个月"', "12个月"],
    [5, '"≤"0"次"', "≤5次"],
    [1.5, "0.0#", "1.5"],
    [1.555, "0.0#", "1.56"],
    [-3, "0.00;[Red]-0.00", "-3.00"],
    [1e21, "General", "1000000000000000000000"],
    // biome-ignore lint/correctness/noPrecisionLoss: the digits Excel writes, more than a double keeps; the test is of that.
    [123456789.123456789, "General", "123456789.123457"],
  ] as const)("%s in %j reads %j", (value, fmt, text) => expect(formatNumber(value, fmt)).toBe(text));
});
