import { createHash } from "node:crypto";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import type { Disclosure } from "../domain/model";
import { exampleDisclosure } from "../render/__fixtures__/example-disclosure";
import { renderBundle, type BundleFile } from "./bundle";
import { parseCsv } from "./csv";
import { PdfPrinter } from "./pdf";
import { writeYearZip, type YearItem, type YearProgress } from "./zip-year";

const printer = new PdfPrinter();
afterAll(() => printer.close());

const department = (code: string, name: string): Disclosure => ({
  ...structuredClone(exampleDisclosure),
  department: { code, name },
  title: `${name}2020年部门预算信息公开情况说明`,
});
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function* fromDatabase(items: YearItem[]): AsyncGenerator<YearItem> {
  for (const item of items) yield item;
}

describe("writeYearZip", () => {
  it("writes every department's files into its folder, stored bytes as stored, with a manifest of SHA-256s", async () => {
    const office = department("434", "三河市人民政府办公室");
    // A stored file is written as it is, never rendered again: these bytes are not what json would render now.
    const storedJson: BundleFile = {
      format: "json",
      fileName: "434-2020-r2.json",
      contentType: "application/json; charset=utf-8",
      bytes: new TextEncoder().encode('{"frozen":true}\n'),
    };
    const items: YearItem[] = [
      { disclosure: office, revision: 2, stored: [storedJson] },
      { disclosure: department("402", "三河市财政局"), revision: 1 },
      { disclosure: department("411", "三河市卫生健康局"), revision: 1 },
    ];
    const chunks: Uint8Array[] = [];
    const seen: YearProgress[] = [];
    const result = await writeYearZip(fromDatabase(items), (chunk) => void chunks.push(chunk), {
      formats: ["pdf", "json", "csv-indicators"],
      total: items.length,
      printer,
      onProgress: (p) => seen.push(p),
    });
    const archive = Buffer.concat(chunks);
    expect(result).toMatchObject({ done: 3, total: 3, files: 9, archiveBytes: archive.byteLength });
    expect(seen.map((p) => p.done)).toEqual([0, 1, 1, 2, 2, 3, 3]);
    expect(seen[0].current).toBe("434 三河市人民政府办公室");

    const zip = await JSZip.loadAsync(archive);
    const names = Object.keys(zip.files);
    expect(names).toEqual([
      "2020/434-三河市人民政府办公室/434-2020-r2.pdf",
      "2020/434-三河市人民政府办公室/434-2020-r2.json",
      "2020/434-三河市人民政府办公室/434-2020-r2-indicators.csv",
      "2020/402-三河市财政局/402-2020-r1.pdf",
      "2020/402-三河市财政局/402-2020-r1.json",
      "2020/402-三河市财政局/402-2020-r1-indicators.csv",
      "2020/411-三河市卫生健康局/411-2020-r1.pdf",
      "2020/411-三河市卫生健康局/411-2020-r1.json",
      "2020/411-三河市卫生健康局/411-2020-r1-indicators.csv",
      "manifest.csv",
    ]);
    expect(await zip.file(names[1])!.async("string")).toBe('{"frozen":true}\n');
    const rendered = await renderBundle(items[1].disclosure, { formats: ["json"], revision: 1 });
    expect(Buffer.from(await zip.file(names[4])!.async("uint8array")).equals(Buffer.from(rendered[0].bytes))).toBe(
      true,
    );

    const manifest = parseCsv(await zip.file("manifest.csv")!.async("string"));
    expect(manifest[0]).toEqual([
      "部门编码",
      "部门名称",
      "预算年度",
      "版次",
      "格式",
      "文件",
      "字节数",
      "SHA-256",
      "来源",
    ]);
    expect(manifest).toHaveLength(10);
    for (const row of manifest.slice(1)) {
      const bytes = await zip.file(row[5])!.async("uint8array");
      expect(row[7]).toBe(sha(bytes));
      expect(Number(row[6])).toBe(bytes.byteLength);
    }
    expect(manifest[2].slice(4)).toEqual(["json", names[1], "16", sha(storedJson.bytes), "公开文件"]);
    expect(manifest[5][8]).toBe("重新生成");
  });

  it("fails as a whole when a disclosure cannot be rendered, after the renders under way have settled", async () => {
    const broken = { ...department("999", "坏数据"), fiscalYear: 1 } as Disclosure; // the canonical JSON refuses it
    const write = writeYearZip([{ disclosure: broken }], () => undefined, { formats: ["json"], total: 1 });
    await expect(write).rejects.toThrow(/公开数据不符合规范/);
  });
});
