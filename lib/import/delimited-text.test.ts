import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDelimitedText } from "./delimited-text";
import { readIndicatorRows } from "./indicator-table";

/** What Excel and WPS put on the clipboard: tabs, CRLF rows, quotes only where a cell needs them. */
function excelClipboard(rows: string[][]): string {
  const quote = (cell: string) => (/[\t\n\r"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return `${rows.map((row) => row.map(quote).join("\t")).join("\r\n")}\r\n`;
}

function rfc4180(rows: string[][]): string {
  const quote = (cell: string) => (/[,\n\r"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((row) => row.map(quote).join(",")).join("\r\n");
}

describe("parseDelimitedText", () => {
  it("reads the Excel clipboard, a cell with a line break and a tab inside quotes", () => {
    const text = '一级指标\t三级指标\t指标值\r\n产出指标\t"培训\n修志队伍"\t=2.00次\r\n\t"带\t制表符"\t"说""明"\r\n';
    expect(parseDelimitedText(text)).toEqual([
      ["一级指标", "三级指标", "指标值"],
      ["产出指标", "培训\n修志队伍", "=2.00次"],
      ["", "带\t制表符", '说"明'],
    ]);
  });

  it("reads RFC 4180 CSV with quoted commas, quotes and line breaks", () => {
    const text =
      '\uFEFF一级指标,三级指标,指标值,依据\r\n产出指标,"培训,修志",">=95%","《通知》""第一条""\r\n第二款"\r\n';
    expect(parseDelimitedText(text)).toEqual([
      ["一级指标", "三级指标", "指标值", "依据"],
      ["产出指标", "培训,修志", ">=95%", '《通知》"第一条"\r\n第二款'],
    ]);
  });

  it("detects a semicolon CSV and a single column", () => {
    expect(parseDelimitedText("a;b;c\n1;2,5;3\n")).toEqual([
      ["a", "b", "c"],
      ["1", "2,5", "3"],
    ]);
    expect(parseDelimitedText("明显提升\n健全")).toEqual([["明显提升"], ["健全"]]);
    expect(parseDelimitedText("")).toEqual([]);
  });

  it("prefers the tab when a pasted block also has commas in its Chinese text", () => {
    const text = "三级指标\t指标值\n发挥存史,资政,教化作用\t>=95%\n培训,会议\t=2次\n";
    expect(parseDelimitedText(text)).toEqual([
      ["三级指标", "指标值"],
      ["发挥存史,资政,教化作用", ">=95%"],
      ["培训,会议", "=2次"],
    ]);
  });

  it("keeps to the tab when every row holds a grouped number", () => {
    expect(parseDelimitedText("预算\t1,000\n执行\t2,000\n")).toEqual([
      ["预算", "1,000"],
      ["执行", "2,000"],
    ]);
  });

  it("takes a quote that never closes as text", () => {
    expect(parseDelimitedText('a\t"b\nc\td')).toEqual([
      ["a", '"b'],
      ["c", "d"],
    ]);
    expect(parseDelimitedText('a\t"b"c\td')).toEqual([["a", "bc", "d"]]);
  });

  it("feeds a CSV export straight into readIndicatorRows", () => {
    const csv =
      '一级指标,二级指标,三级指标,绩效指标描述,指标值,指标值确定依据\n产出指标,数量指标,"培训,会议","次数\n合计",">=3次","文件,第2条"\n';
    const table = readIndicatorRows(parseDelimitedText(csv));
    expect(table.problems).toEqual([]);
    expect(table.indicators[0]).toMatchObject({
      name: "培训,会议",
      description: "次数\n合计",
      basis: "文件,第2条",
      target: { value: "3" },
    });
  });

  const cell = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom("", "a\tb", "x\ny", '"', '""q', "1,000", "≥95%", "r\r\nn"),
  );
  // Widths of 2+ and non-blank first cells: a one-column table is ambiguous in any format.
  const grid = (width: number) =>
    fc.array(
      fc
        .tuple(
          fc.string({ minLength: 1, maxLength: 4 }).filter((s) => !/[\s",;"]/.test(s)),
          fc.array(cell, { minLength: width - 1, maxLength: width - 1 }),
        )
        .map(([first, rest]) => [first, ...rest]),
      { minLength: 1, maxLength: 8 },
    );

  it("round-trips any grid through the Excel clipboard", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }).chain(grid), (rows) => {
        expect(parseDelimitedText(excelClipboard(rows))).toEqual(rows);
      }),
      { numRuns: 1000 },
    );
  });

  it("round-trips any grid through RFC 4180", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }).chain(grid), (rows) => {
        const parsed = parseDelimitedText(rfc4180(rows));
        // A grid without commas in any cell may equally be read as tab- or semicolon-separated.
        if (rows.some((r) => r.some((c) => /[\t;]/.test(c)))) return;
        expect(parsed).toEqual(rows);
      }),
      { numRuns: 1000 },
    );
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => void parseDelimitedText(text)),
      { numRuns: 2000 },
    );
  });
});
