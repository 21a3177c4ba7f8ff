import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { Disclosure } from "../../domain/model";
import { renderDocx } from "../../export/docx";
import { renderJson } from "../../export/json";
import { renderXlsx } from "../../export/xlsx";
import { readUpload, type UploadReading } from "./read-upload";
import { MAX_UPLOAD_BYTES } from "./limits";
import { UploadRefused } from "./sniff";
import { sanhe2020, sanhe2020Bytes } from "../../domain/__fixtures__/sanhe-2020";

const fixtureText = sanhe2020Bytes();
const golden: Disclosure = sanhe2020();
const indicatorCount = (d: Disclosure) => d.performance.projects.reduce((n, p) => n + p.indicators.length, 0);

function asDisclosure(reading: UploadReading): Disclosure {
  if (reading.kind !== "disclosure") throw new Error(`expected a disclosure, got ${reading.kind}`);
  return reading.disclosure;
}

async function refusal(bytes: Uint8Array, name: string): Promise<string> {
  const error = await readUpload(bytes, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UploadRefused);
  return (error as Error).message;
}

describe("readUpload: a whole disclosure", () => {
  it("reads the fixture text as the golden disclosure, with no problems", async () => {
    const reading = await readUpload(fixtureText, "sanhe-2020.txt");
    expect(reading).toMatchObject({ kind: "disclosure", format: "text", encoding: "utf-8", problems: [] });
    expect(asDisclosure(reading)).toEqual(golden);
  });

  it("reads the GBK-encoded fixture exactly as the UTF-8 one", async () => {
    const gbk = iconv.encode(fixtureText.toString("utf8"), "gbk");
    expect(gbk.equals(fixtureText)).toBe(false);
    const [utf8, fromGbk] = await Promise.all([
      readUpload(fixtureText, "a.txt"),
      readUpload(new Uint8Array(gbk), "a.txt"),
    ]);
    expect(fromGbk.encoding).toBe("gb18030");
    expect({ ...fromGbk, encoding: null }).toEqual({ ...utf8, encoding: null });
  });

  it("reads a Word file of the disclosure and canonical JSON to the same projects and figures", async () => {
    const word = asDisclosure(await readUpload(await renderDocx(golden), "上年公开.docx"));
    expect(word.performance.projects.map((p) => p.name)).toEqual(golden.performance.projects.map((p) => p.name));
    expect(indicatorCount(word)).toBe(107);
    expect(word.budget).toEqual(golden.budget);
    const json = await readUpload(renderJson(golden), "434-2020.json");
    expect(json.format).toBe("json");
    expect(asDisclosure(json)).toEqual(golden);
  });

  it("goes by content, not by name: a Word file named .txt is read as Word", async () => {
    const reading = await readUpload(await renderDocx(golden), "看起来是文本.txt");
    expect(reading.format).toBe("docx");
  });

  it("lists what it could not read with the line it is on", async () => {
    const broken = fixtureText.toString("utf8").replace("公务接待费168.95万元", "公务接待费约一百万元");
    const reading = await readUpload(new TextEncoder().encode(broken), "a.txt");
    expect(reading.problems.length).toBeGreaterThan(0);
    expect(reading.problems.every((p) => p.where === null || /^第\d+行$/.test(p.where))).toBe(true);
    expect(reading.problems.some((p) => p.where !== null)).toBe(true);
  });
});

describe("readUpload: indicator sheets", () => {
  it("reads this app's own Excel export (a 项目名称 column) back into 13 projects and 107 indicators", async () => {
    const reading = await readUpload(await renderXlsx(golden), "指标.xlsx");
    if (reading.kind !== "indicators") throw new Error("expected indicators");
    expect(reading.sheets.projects.map((p) => p.name)).toEqual(golden.performance.projects.map((p) => p.name));
    expect(reading.sheets.projects.map((p) => p.indicators.length)).toEqual(
      golden.performance.projects.map((p) => p.indicators.length),
    );
    expect(reading.sheets.projects[0].indicators[0]).toMatchObject({
      level1: golden.performance.projects[0].indicators[0].level1,
      name: golden.performance.projects[0].indicators[0].name,
    });
    expect(reading.sheets.skipped).toContain("概况");
  });

  it("reads one sheet per project, with the name, amount and goal written above the table", async () => {
    const workbook = new ExcelJS.Workbook();
    const first = workbook.addWorksheet("热线");
    first.addRows([
      ["市长热线办公室业务费绩效目标表"],
      ["项目资金（万元）", "42.5"],
      ["年度目标", "保障热线运转"],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "受理量", ">=1000件"],
      ["", "质量指标", "办结率", ">=95%"],
    ]);
    const second = workbook.addWorksheet("Sheet2");
    second.addRows([
      ["项目名称", "政务公开专项经费"],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["满意度指标", "服务对象满意度指标", "满意度", "≥90%"],
      ["产出指标", "", "", "二十"],
    ]);
    const reading = await readUpload(new Uint8Array(await workbook.xlsx.writeBuffer()), "指标.xlsx");
    if (reading.kind !== "indicators") throw new Error("expected indicators");
    const [hotline, openness] = reading.sheets.projects;
    expect(hotline).toMatchObject({ name: "市长热线办公室业务费", amount: "42.50", goal: "保障热线运转" });
    expect(hotline.indicators.map((i) => [i.level1, i.level2, i.target.raw])).toEqual([
      ["产出指标", "数量指标", ">=1000件"],
      ["产出指标", "质量指标", ">=95%"],
    ]);
    expect(openness.name).toBe("政务公开专项经费");
    // The incomplete row is a problem of that sheet, with the sheet's own row number.
    expect(reading.problems).toContainEqual({ where: "工作表“Sheet2”", message: "第 4 行：缺少三级指标（指标名称）" });
  });

  it("reads a GBK CSV with a project column, the project name continuing down blank cells", async () => {
    const csv = [
      "项目名称,一级指标,二级指标,三级指标,指标值",
      "热线经费,产出指标,数量指标,受理量,1000件",
      ",产出指标,质量指标,办结率,>=95%",
      "公开经费,满意度指标,服务对象满意度指标,满意度,>=90%",
    ].join("\r\n");
    const reading = await readUpload(new Uint8Array(iconv.encode(csv, "gbk")), "指标.csv");
    if (reading.kind !== "indicators") throw new Error("expected indicators");
    expect(reading).toMatchObject({ format: "delimited", encoding: "gb18030", problems: [] });
    expect(reading.sheets.projects.map((p) => [p.name, p.indicators.length])).toEqual([
      ["热线经费", 2],
      ["公开经费", 1],
    ]);
  });
});

describe("readUpload refuses, in Chinese, what it cannot read", () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

  it("a picture renamed .txt", async () => {
    expect(await refusal(png, "上年公开.txt")).toBe(
      "“上年公开.txt”是图片文件，无法读取。请上传 Word（.docx）、文本（.txt）或 Excel（.xlsx）文件。",
    );
  });

  it("binary without a known signature", async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
    expect(await refusal(bytes, "数据.docx")).toMatch(/^“数据\.docx”不是可读取的文件（文件不是文本/);
  });

  it("a zip that is not a Word or Excel file, and a broken one", async () => {
    const zip = new JSZip();
    zip.file("readme.txt", "hello");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    expect(await refusal(bytes, "上年.docx")).toContain("是压缩文件，但不是 Word（.docx）或 Excel（.xlsx）文件");
    expect(await refusal(bytes.slice(0, 30), "上年.docx")).toContain("已损坏");
  });

  it("old Office, PDF, an empty file, an oversized file", async () => {
    expect(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "a.doc")).toContain(
      "另存为",
    );
    expect(await refusal(new TextEncoder().encode("%PDF-1.7\n..."), "a.pdf")).toContain("PDF");
    expect(await refusal(new Uint8Array(), "a.txt")).toBe("文件是空的，请选择要导入的文件。");
    expect(await refusal(new Uint8Array(MAX_UPLOAD_BYTES + 1), "big.txt")).toBe(
      "文件大小为 10.1 MB，超过 10 MB 的上限。请删去文件中的图片，或只上传文字和表格部分。",
    );
  });

  it("text that is neither a disclosure nor an indicator table", async () => {
    expect(await refusal(new TextEncoder().encode("会议纪要\n今天讨论了预算。\n"), "纪要.txt")).toMatch(
      /^未能从“纪要\.txt”读取信息公开内容：不是部门预算信息公开文本/,
    );
  });

  it("JSON that is not a canonical disclosure", async () => {
    expect(await refusal(new TextEncoder().encode('{"hello": 1}'), "a.json")).toMatch(
      /^未能从“a\.json”读取信息公开内容：/,
    );
  });
});
