import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { exampleDisclosure } from "../render/__fixtures__/example-disclosure";
import { bundleFormats, downloadName, expandFormats, renderBundle } from "./bundle";
import { indicatorsCsv, procurementCsv } from "./csv";
import { renderDatapackage } from "./datapackage";
import { renderDocx } from "./docx";
import { renderJson } from "./json";
import { PdfPrinter, renderPdf } from "./pdf";
import { renderXlsx } from "./xlsx";

const printer = new PdfPrinter();
afterAll(() => printer.close());

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe("renderBundle", () => {
  it("renders every format from the one disclosure, named by department, year and revision", async () => {
    const files = await renderBundle(exampleDisclosure, { printer, revision: 2 });
    expect(files.map((f) => [f.format, f.fileName, f.contentType])).toEqual([
      ["pdf", "434-2020-r2.pdf", "application/pdf"],
      ["docx", "434-2020-r2.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      ["xlsx", "434-2020-r2.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      ["json", "434-2020-r2.json", "application/json; charset=utf-8"],
      ["csv-indicators", "434-2020-r2-indicators.csv", "text/csv; charset=utf-8"],
      ["csv-procurement", "434-2020-r2-procurement.csv", "text/csv; charset=utf-8"],
      ["datapackage", "434-2020-r2-datapackage.zip", "application/zip"],
    ]);
    const byFormat = Object.fromEntries(files.map((f) => [f.format, f.bytes]));
    // Each file is exactly what its own exporter writes: the bundle only gathers them.
    expect(same(byFormat.pdf, await renderPdf(exampleDisclosure, { printer, revision: 2 }))).toBe(true);
    expect(same(byFormat.docx, await renderDocx(exampleDisclosure))).toBe(true);
    expect(same(byFormat.xlsx, await renderXlsx(exampleDisclosure))).toBe(true);
    expect(same(byFormat.json, renderJson(exampleDisclosure))).toBe(true);
    expect(same(byFormat["csv-indicators"], indicatorsCsv(exampleDisclosure))).toBe(true);
    expect(same(byFormat["csv-procurement"], procurementCsv(exampleDisclosure))).toBe(true);
    const pkg = await JSZip.loadAsync(byFormat.datapackage);
    for (const [name, bytes] of Object.entries(renderDatapackage(exampleDisclosure)))
      expect(same(await pkg.file(name)!.async("uint8array"), bytes)).toBe(true);
  });

  it("gives the same bytes every time, so a published file can be checked against a fresh render", async () => {
    const [a, b] = [
      await renderBundle(exampleDisclosure, { printer }),
      await renderBundle(exampleDisclosure, { printer }),
    ];
    expect(a.every((f, i) => same(f.bytes, b[i].bytes))).toBe(true);
  });

  it("renders only the formats asked for; csv means every CSV file; the PDF needs a printer", async () => {
    expect(expandFormats(["csv", "json"])).toEqual(["json", "csv-indicators", "csv-procurement", "csv-tables"]);
    expect(expandFormats(["pdf", "docx", "xlsx", "json", "csv", "datapackage"])).toEqual([...bundleFormats]);
    const files = await renderBundle(exampleDisclosure, { formats: ["json", "docx"] });
    expect(files.map((f) => f.fileName)).toEqual(["434-2020.docx", "434-2020.json"]);
    await expect(renderBundle(exampleDisclosure, { formats: ["pdf"] })).rejects.toThrow(/PdfPrinter/);
  });

  it("names downloads in Chinese, without characters a file system refuses", () => {
    expect(downloadName(exampleDisclosure, "docx", 1)).toBe(
      "三河市人民政府办公室2020年部门预算信息公开情况说明（第1版）.docx",
    );
    expect(downloadName(exampleDisclosure, "csv-indicators", 3)).toBe(
      "三河市人民政府办公室2020年部门预算信息公开情况说明（第3版）（绩效目标表）.csv",
    );
    expect(downloadName({ title: 'a/b\\c:"d"<e>|f?*' }, "pdf")).toBe("a_b_c_d_e_f_.pdf");
  });
});
