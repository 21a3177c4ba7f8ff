import iconv from "iconv-lite";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import type { Disclosure } from "../domain/model";
import { renderDocx } from "../export/docx";
import { renderXlsx } from "../export/xlsx";
import { checkUpload, UploadRejectedError, type UploadProblem } from "./upload-check";
import { sanhe2020, sanhe2020Bytes } from "../domain/__fixtures__/sanhe-2020";

const fixtureText = sanhe2020Bytes();
const golden: Disclosure = sanhe2020();

let docx: Uint8Array;
let xlsx: Uint8Array;
beforeAll(async () => {
  docx = await renderDocx(golden);
  xlsx = await renderXlsx(golden);
});

/** The refusal's reason and message, or "accepted". */
function refusal(run: () => unknown): { problem: UploadProblem; message: string } | "accepted" {
  try {
    run();
    return "accepted";
  } catch (error) {
    if (error instanceof UploadRejectedError) return { problem: error.problem, message: error.message };
    throw error;
  }
}

const zip = (files: Record<string, string | Uint8Array>, options: JSZip.JSZipGeneratorOptions<"uint8array"> = {}) => {
  const z = new JSZip();
  for (const [name, content] of Object.entries(files)) z.file(name, content);
  return z.generateAsync({ type: "uint8array", compression: "DEFLATE", ...options });
};
const wordTypes = (
  partName = "/word/document.xml",
  type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
) =>
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="${partName}" ContentType="${type}"/></Types>`;

describe("real files are accepted for what they are", () => {
  it("a Word file the exporter wrote is docx, whatever it is called", () => {
    expect(checkUpload(docx, "2020年公开.docx")).toMatchObject({ kind: "docx" });
    expect(checkUpload(docx, "renamed.txt")).toMatchObject({ kind: "docx" });
  });

  it("an Excel workbook the exporter wrote is xlsx", () => {
    const checked = checkUpload(xlsx, "指标.xlsx");
    expect(checked).toMatchObject({ kind: "xlsx" });
    if (checked.kind !== "text") expect(checked.entries).toBeGreaterThan(5);
  });

  it("the fixture's text is text, in UTF-8 and in GBK, with its encoding", () => {
    expect(checkUpload(fixtureText, "a.txt")).toMatchObject({ kind: "text", encoding: "utf-8" });
    const gbk = iconv.encode(fixtureText.toString("utf8"), "gbk");
    const checked = checkUpload(gbk, "a.txt");
    expect(checked).toMatchObject({ kind: "text", encoding: "gb18030" });
    if (checked.kind === "text") expect(checked.text).toContain("三河市人民政府办公室");
  });

  it("a text file that happens to start with MZ or BM is still text", () => {
    expect(checkUpload(new TextEncoder().encode("MZ 项目,金额\n热线,12.00\n"), "a.csv")).toMatchObject({
      kind: "text",
    });
    expect(checkUpload(new TextEncoder().encode("BM-2020 预算说明\n"), "a.txt")).toMatchObject({ kind: "text" });
  });
});

describe("what is refused, and the message says why", () => {
  const cases: Array<[string, () => Uint8Array, UploadProblem, RegExp]> = [
    ["an empty file", () => new Uint8Array(), "empty", /空文件/],
    [
      "a PNG renamed .docx",
      () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      "image",
      /是图片/,
    ],
    ["a JPEG renamed .txt", () => Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), "image", /是图片/],
    ["a PDF", () => new TextEncoder().encode("%PDF-1.7\n%\xff\xff\n1 0 obj"), "pdf", /PDF/],
    [
      "an old .doc",
      () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      "legacy-office",
      /另存为 \.docx/,
    ],
    ["a Windows program", () => Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]), "executable", /程序文件/],
    ["a gzip archive", () => Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), "archive", /解压/],
    [
      "random binary",
      () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256),
      "binary",
      /内容不是文字/,
    ],
  ];
  it.each(cases)("%s", (_name, bytes, problem, message) => {
    const result = refusal(() => checkUpload(bytes(), "申报.docx"));
    expect(result).toMatchObject({ problem, message: expect.stringMatching(message) });
    if (result !== "accepted" && problem !== "empty") expect(result.message).toContain("“申报.docx”");
  });

  it("a file over the size limit, before anything is parsed", () => {
    expect(
      refusal(() => checkUpload(new Uint8Array(2 * 1024 * 1024), "big.txt", { limits: { maxBytes: 1024 * 1024 } })),
    ).toEqual({
      problem: "too-large",
      message: "“big.txt”有 2 MB，超过了 1 MB 的上限。",
    });
  });

  it("a kind this place does not take", () => {
    expect(refusal(() => checkUpload(docx, "users.docx", { accept: ["xlsx", "text"] }))).toEqual({
      problem: "not-accepted",
      message: "“users.docx”是Word 文档（.docx），此处只接受Excel 表格（.xlsx）或文本文件（.txt/.csv/.json）。",
    });
  });

  it("a zip that is not an Office file, one whose main part is missing, one with macros", () => {
    expect(refusal(() => checkUpload(zipped.plain, "a.docx"))).toMatchObject({
      problem: "zip-not-office",
      message: expect.stringContaining("是压缩包而不是 Word 或 Excel"),
    });
    expect(refusal(() => checkUpload(zipped.missingPart, "a.docx"))).toMatchObject({ problem: "broken-zip" });
    expect(refusal(() => checkUpload(zipped.macro, "a.docx"))).toMatchObject({
      problem: "macro",
      message: expect.stringContaining("含有宏"),
    });
  });

  it("a truncated Word file is broken, not text", () => {
    expect(refusal(() => checkUpload(docx.subarray(0, docx.length - 100), "a.docx"))).toMatchObject({
      problem: "broken-zip",
      message: expect.stringContaining("已损坏"),
    });
  });

  it("an encrypted entry", async () => {
    const bytes = (await zip({ "[Content_Types].xml": wordTypes(), "word/document.xml": "<w/>" })).slice();
    setCentralField(bytes, "word/document.xml", 8, 2, 0x1);
    expect(refusal(() => checkUpload(bytes, "a.docx"))).toMatchObject({ problem: "encrypted" });
  });
});

describe("zip bombs", () => {
  it("refuses more unpacked bytes than the limit, declared honestly", async () => {
    const bytes = await zip({
      "[Content_Types].xml": wordTypes(),
      "word/document.xml": "<w/>",
      "word/media/pad.bin": new Uint8Array(3 * 1024 * 1024),
    });
    expect(bytes.length).toBeLessThan(64 * 1024);
    expect(
      refusal(() => checkUpload(bytes, "a.docx", { limits: { maxUnpackedBytes: 2 * 1024 * 1024 } })),
    ).toMatchObject({ problem: "zip-bomb", message: expect.stringContaining("异常庞大") });
    expect(checkUpload(bytes, "a.docx")).toMatchObject({
      kind: "docx",
      unpackedBytes: 3 * 1024 * 1024 + 4 + wordTypes().length,
    });
  });

  it("refuses an entry that unpacks to more than it declares (the sizes lie)", async () => {
    const bytes = (
      await zip({
        "[Content_Types].xml": wordTypes(),
        "word/document.xml": "<w/>",
        "word/media/pad.bin": new Uint8Array(3 * 1024 * 1024),
      })
    ).slice();
    setCentralField(bytes, "word/media/pad.bin", 24, 4, 1000);
    expect(refusal(() => checkUpload(bytes, "a.docx"))).toMatchObject({ problem: "zip-bomb" });
  });

  it("refuses too many entries", async () => {
    const files: Record<string, string> = { "[Content_Types].xml": wordTypes(), "word/document.xml": "<w/>" };
    for (let i = 0; i < 50; i++) files[`word/part${i}.xml`] = "<p/>";
    const bytes = await zip(files);
    expect(refusal(() => checkUpload(bytes, "a.docx", { limits: { maxEntries: 40 } }))).toMatchObject({
      problem: "zip-bomb",
    });
    expect(checkUpload(bytes, "a.docx")).toMatchObject({ kind: "docx", entries: 53 }); // JSZip adds the "word/" folder entry
  });

  it("refuses entries that share their compressed bytes (overlapping files)", async () => {
    const bytes = (
      await zip({ "[Content_Types].xml": wordTypes(), "word/document.xml": "<w/>", "word/other.xml": "<o/>" })
    ).slice();
    // Point the last entry at the first one's data, as the overlapping-file bombs do.
    setCentralField(bytes, "word/other.xml", 42, 4, 0);
    expect(refusal(() => checkUpload(bytes, "a.docx"))).toMatchObject({ problem: "zip-bomb" });
  });
});

const zipped = {} as Record<"plain" | "missingPart" | "macro", Uint8Array>;
beforeAll(async () => {
  zipped.plain = await zip({ "readme.txt": "hello", "data/a.csv": "1,2" });
  zipped.missingPart = await zip({ "[Content_Types].xml": wordTypes("/word/document.xml"), "word/other.xml": "<w/>" });
  zipped.macro = await zip({
    "[Content_Types].xml": wordTypes("/word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml"),
    "word/document.xml": "<w/>",
  });
});

/** Overwrites a little-endian field of one entry's central directory record. */
function setCentralField(bytes: Uint8Array, entryName: string, offset: number, width: 2 | 4, value: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const name = new TextEncoder().encode(entryName);
  for (let i = 0; i + 46 < bytes.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50 || view.getUint16(i + 28, true) !== name.length) continue;
    if (!name.every((b, k) => bytes[i + 46 + k] === b)) continue;
    if (width === 2) view.setUint16(i + offset, value, true);
    else view.setUint32(i + offset, value, true);
    return;
  }
  throw new Error(`no central record for ${entryName}`);
}
