import { describe, expect, it } from "vitest";
import { exampleDisclosure } from "../render/__fixtures__/example-disclosure";
import { FORMULA_LIKE_TEXTS, HOSTILE_TEXTS, LONG_TEXT, hostileDisclosure } from "./__fixtures__/hostile-disclosure";
import {
  csvText,
  indicatorsCsv,
  looksLikeFormula,
  neutralise,
  parseCsv,
  procurementCsv,
  quote,
  readSpreadsheetText,
} from "./csv";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";

const decode = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

describe("formula-like text in a CSV for people", () => {
  it("is every text starting with = + - @ (ASCII or full-width), tab or CR, and nothing else", () => {
    for (const text of [...FORMULA_LIKE_TEXTS, "=1+1", "\rx", "－", "＠"])
      expect(looksLikeFormula(text), JSON.stringify(text)).toBe(true);
    for (const text of ["市志编纂业务费", "<script>", " =1+1", "'=1+1", "≥95%", "—2", "−2", "（=1）", ""])
      expect(looksLikeFormula(text), text).toBe(false);
  });

  it("is written as a formula whose result is the text itself, which spreadsheets show without an apostrophe", () => {
    expect(neutralise("=2.00次")).toBe('="=2.00次"');
    expect(neutralise('=HYPERLINK("http://x","y")')).toBe('="=HYPERLINK(""http://x"",""y"")"');
    expect(neutralise("＝1+1")).toBe('="＝1+1"');
    expect(neutralise("＋SUM(1)")).toBe('="＋SUM(1)"');
    expect(neutralise("－2+3")).toBe('="－2+3"');
    expect(neutralise("＠cmd")).toBe('="＠cmd"');
    expect(neutralise("\tx")).toBe('="\tx"');
    expect(neutralise("市志编纂业务费")).toBe("市志编纂业务费");
  });

  it("reads back exactly as the text, after RFC 4180 quoting and parsing, for every formula-like text", () => {
    const texts = [
      ...FORMULA_LIKE_TEXTS,
      '="already"',
      '=""',
      '"="',
      "=a\r\nb,c",
      `=${"长".repeat(600)}`,
      `=${"😀".repeat(300)}`,
    ];
    const columns = [{ header: "指标值", kind: "text" as const, width: 1 }];
    const rows = parseCsv(
      csvText(
        columns,
        texts.map((t) => [t]),
      ),
    );
    expect(rows.slice(1).map(([field]) => readSpreadsheetText(field))).toEqual(texts);
    // Nothing a spreadsheet would run is left at the start of a field but the formula-string form.
    for (const [field] of rows.slice(1)) expect(!looksLikeFormula(field) || field.startsWith('="'), field).toBe(true);
    // A field that is not in that form is the text itself.
    expect(readSpreadsheetText("'=x")).toBe("'=x");
    expect(readSpreadsheetText('="a"b')).toBe('="a"b');
  });

  it("keeps each text constant to 255 characters and a character beyond the BMP whole", () => {
    const long = `=${"长".repeat(600)}`;
    const pieces = [
      ...neutralise(long)
        .slice(1)
        .matchAll(/"((?:[^"]|"")*)"/g),
    ].map((m) => m[1]);
    expect(pieces.map((p) => p.length)).toEqual([255, 255, 91]);
    const astral = neutralise(`=${"😀".repeat(300)}`);
    expect(
      astral
        .slice(1)
        .split("&")
        .every((piece) => !/^"[\udc00-\udfff]|[\ud800-\udbff]"$/.test(piece)),
    ).toBe(true);
  });

  it("too long for a formula (8,192 characters) keeps the apostrophe prefix instead", () => {
    const huge = `=${"甲".repeat(9000)}`;
    expect(neutralise(huge)).toBe(`'${huge}`);
  });

  it("leaves a plain negative number in an amount column alone, but not in a text column", () => {
    expect(neutralise("-3.00", "amount")).toBe("-3.00");
    expect(neutralise("-3.00", "text")).toBe('="-3.00"');
    expect(neutralise("-3+cmd", "amount")).toBe('="-3+cmd"');
  });

  it("is written as it is for programs (the data package)", () => {
    const columns = [{ header: "name", kind: "text" as const, width: 1 }];
    expect(parseCsv(csvText(columns, [["=2.00次"], ["＠cmd"]], "programs"))).toEqual([
      ["name"],
      ["=2.00次"],
      ["＠cmd"],
    ]);
  });
});

describe("quote (RFC 4180)", () => {
  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    expect(quote("a,b")).toBe('"a,b"');
    expect(quote('说"明"')).toBe('"说""明"""');
    expect(quote("一\n二")).toBe('"一\n二"');
    expect(quote("plain")).toBe("plain");
  });

  it("round-trips through parseCsv", () => {
    const text = csvText(
      [
        { header: "a", kind: "text", width: 1 },
        { header: "b", kind: "amount", width: 1 },
      ],
      [
        ['x,"y"\nz', "-3.00"],
        [null, "1.50"],
      ],
    );
    expect(parseCsv(text)).toEqual([
      ["a", "b"],
      ['x,"y"\nz', "-3.00"],
      ["", "1.50"],
    ]);
  });
});

describe("indicatorsCsv / procurementCsv", () => {
  it("starts with a UTF-8 byte-order mark and ends lines with CRLF", () => {
    const bytes = indicatorsCsv(exampleDisclosure);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decode(bytes)).toMatch(/^\ufeff部门编码,部门名称,预算年度,序号,项目名称,一级指标,.*\r\n434,/);
  });

  it("lists all 107 indicator rows of the fixture with their project", () => {
    const rows = parseCsv(decode(indicatorsCsv(sanhe2020())));
    expect(rows).toHaveLength(108);
    expect(rows[1].slice(0, 9)).toEqual([
      "434",
      "三河市人民政府办公室",
      "2020",
      "1",
      "市志编纂业务费",
      "产出指标",
      "数量指标",
      "培训修志队伍",
      "培训次数",
    ]);
    // A 指标值 starting with "=" is shown as typed (no apostrophe), not evaluated, and reads back exactly.
    expect(rows[1][9]).toBe('="=2.00次"');
    expect(readSpreadsheetText(rows[1][9])).toBe("=2.00次");
  });

  it("has 评（扣）分标准 after 指标值确定依据 under the 2021 framework only", () => {
    const header = (d: typeof exampleDisclosure) => parseCsv(decode(indicatorsCsv(d)))[0];
    expect(header(sanhe2020())).not.toContain("评（扣）分标准");
    const d2021 = sanhe2020();
    d2021.performance.framework = "2021";
    d2021.performance.projects[0].indicators[0].scoringStandard = "每少培训 1 次扣 2 分";
    const rows = parseCsv(decode(indicatorsCsv(d2021)));
    const at = rows[0].indexOf("评（扣）分标准");
    expect(at).toBe(rows[0].indexOf("指标值确定依据") + 1);
    expect(rows.slice(1, 3).map((r) => r[at])).toEqual(["每少培训 1 次扣 2 分", ""]);
    expect(rows[0].slice(at + 1)).toEqual(["权重", "指标方向"]);
  });

  it("writes procurement amounts as plain numbers", () => {
    const rows = parseCsv(decode(procurementCsv(sanhe2020())));
    expect(rows[0]).toEqual([
      "部门编码",
      "部门名称",
      "预算年度",
      "项目名称",
      "预算资金",
      "采购物品名称",
      "政府采购目录序号",
      "计量单位",
      "数量",
      "单价",
      "政府采购金额",
      "一般公共预算拨款",
      "基金预算拨款",
      "财政专户核拨",
      "其他来源收入",
      "其他渠道资金",
    ]);
    expect(rows[1]).toEqual([
      "434",
      "三河市人民政府办公室",
      "2020",
      "政府其他综合业务费",
      "53.94",
      "轿车",
      "A02030501",
      "辆",
      "3",
      "17.98",
      "53.94",
      "53.94",
      "0.00",
      "0.00",
      "0.00",
      "0.00",
    ]);
  });

  it("neutralises hostile text in indicator names and procurement items, and keeps every text whole", () => {
    const hostile = hostileDisclosure();
    const names = parseCsv(decode(indicatorsCsv(hostile))).map((r) => r[7]);
    const items = parseCsv(decode(procurementCsv(hostile))).map((r) => r[5]);
    for (const column of [names, items]) {
      expect(column).toContain('="=HYPERLINK(""http://x"",""y"")"');
      expect(column).toContain('="＋SUM(1)"');
      expect(column).toContain('="＠cmd"');
      expect(column).toContain('="－2+3"');
      expect(column).toContain('="\tindented"');
      expect(column).toContain("<script>alert(1)</script>");
      expect(column).toContain(LONG_TEXT);
      // Every field starts either harmlessly or as a formula whose result is a string.
      expect(column.filter((c) => looksLikeFormula(c) && !c.startsWith('="'))).toEqual([]);
      for (const text of HOSTILE_TEXTS) expect(column.map(readSpreadsheetText)).toContain(text);
    }
  });
});
