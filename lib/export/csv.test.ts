import { describe, expect, it } from "vitest";
import { exampleDisclosure } from "../render/__fixtures__/example-disclosure";
import { HOSTILE_TEXTS, LONG_TEXT, hostileDisclosure } from "./__fixtures__/hostile-disclosure";
import { goldenDisclosure } from "./__fixtures__/golden";
import { csvText, indicatorsCsv, neutralise, parseCsv, procurementCsv, quote } from "./csv";

const decode = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

describe("neutralise", () => {
  it("prefixes anything a spreadsheet would run", () => {
    for (const text of ["=1+1", '=HYPERLINK("http://x","y")', "+SUM(1)", "-2+3", "@cmd", "\tx", "\rx"]) expect(neutralise(text)).toBe(`'${text}`);
    expect(neutralise("市志编纂业务费")).toBe("市志编纂业务费");
  });

  it("leaves a plain negative number in an amount column alone, but not in a text column", () => {
    expect(neutralise("-3.00", "amount")).toBe("-3.00");
    expect(neutralise("-3.00", "text")).toBe("'-3.00");
    expect(neutralise("-3+cmd", "amount")).toBe("'-3+cmd");
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
    const text = csvText([{ header: "a", kind: "text", width: 1 }, { header: "b", kind: "amount", width: 1 }], [["x,\"y\"\nz", "-3.00"], [null, "1.50"]]);
    expect(parseCsv(text)).toEqual([["a", "b"], ['x,"y"\nz', "-3.00"], ["", "1.50"]]);
  });
});

describe("indicatorsCsv / procurementCsv", () => {
  it("starts with a UTF-8 byte-order mark and ends lines with CRLF", () => {
    const bytes = indicatorsCsv(exampleDisclosure);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decode(bytes)).toMatch(/^\ufeff部门编码,部门名称,预算年度,序号,项目名称,一级指标,.*\r\n434,/);
  });

  it("lists all 107 indicator rows of the fixture with their project", () => {
    const rows = parseCsv(decode(indicatorsCsv(goldenDisclosure())));
    expect(rows).toHaveLength(108);
    expect(rows[1].slice(0, 9)).toEqual(["434", "三河市人民政府办公室", "2020", "1", "市志编纂业务费", "产出指标", "数量指标", "培训修志队伍", "培训次数"]);
    // A 指标值 starting with "=" is shown as typed, not evaluated.
    expect(rows[1][9]).toBe("'=2.00次");
  });

  it("writes procurement amounts as plain numbers", () => {
    const rows = parseCsv(decode(procurementCsv(goldenDisclosure())));
    expect(rows[0]).toEqual(["部门编码", "部门名称", "预算年度", "项目名称", "预算资金", "采购物品名称", "政府采购目录序号", "计量单位", "数量", "单价", "政府采购金额", "一般公共预算拨款", "基金预算拨款", "财政专户核拨", "其他来源收入", "其他渠道资金"]);
    expect(rows[1]).toEqual(["434", "三河市人民政府办公室", "2020", "政府其他综合业务费", "53.94", "轿车", "A02030501", "辆", "3", "17.98", "53.94", "53.94", "0.00", "0.00", "0.00", "0.00"]);
  });

  it("neutralises hostile text in indicator names and procurement items, and keeps long text whole", () => {
    const hostile = hostileDisclosure();
    const names = parseCsv(decode(indicatorsCsv(hostile))).map((r) => r[7]);
    const items = parseCsv(decode(procurementCsv(hostile))).map((r) => r[5]);
    for (const column of [names, items]) {
      expect(column).toContain("'=HYPERLINK(\"http://x\",\"y\")");
      expect(column).toContain("'+SUM(1)");
      expect(column).toContain("'@cmd");
      expect(column).toContain("'-2+3");
      expect(column).toContain("'\tindented");
      expect(column).toContain("<script>alert(1)</script>");
      expect(column).toContain(LONG_TEXT);
      expect(column.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    }
    expect(HOSTILE_TEXTS).toHaveLength(7);
  });
});
