import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_TEXTS, LONG_TEXT, hostileDisclosure } from "./__fixtures__/hostile-disclosure";
import { PdfPrinter, printHtml, renderPdf } from "./pdf";
import { sanhe2020, sanhe2020Text } from "../domain/__fixtures__/sanhe-2020";
import { exampleDisclosure } from "../render/__fixtures__/example-disclosure";

/**
 * The PDF through the tools a reader's machine would use on it (poppler): its text is the
 * fixture's, every figure included; its fonts are embedded with a Unicode map (selectable,
 * searchable Chinese); its pages are A4 with the wide procurement table turned landscape.
 */

const dir = mkdtempSync(path.join(tmpdir(), "budget-pdf-"));
const printer = new PdfPrinter();
let fixturePdf: Uint8Array;

const save = (name: string, bytes: Uint8Array) => {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
};
const poppler = (tool: string, ...args: string[]) =>
  execFileSync(tool, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

beforeAll(async () => {
  fixturePdf = await renderPdf(sanhe2020(), { printer, revision: 1 });
}, 60_000);
afterAll(async () => {
  await printer.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Text with layout whitespace and thousands separators gone: a figure split over a cell's lines reads whole. */
const squeeze = (text: string) => text.replace(/\s+/g, "").replace(/(\d),(?=\d{3}\b)/g, "$1");

describe("renderPdf", () => {
  it("contains every figure of the fixture, as often as the fixture states it", () => {
    const text = squeeze(poppler("pdftotext", "-enc", "UTF-8", save("fixture.pdf", fixturePdf), "-"));
    const figures = sanhe2020Text().match(/\d+(?:\.\d+)?/g) ?? [];
    expect(figures.length).toBeGreaterThan(400);
    const missing = [...new Set(figures)].filter((f) => !text.includes(f));
    expect(missing).toEqual([]);
    // Amounts with decimals are the disclosure's money: each must appear at least as often.
    const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
    const fixture = squeeze(sanhe2020Text());
    const short = [...new Set(figures.filter((f) => f.includes(".")))].filter(
      (f) => count(text, f) < count(fixture, f),
    );
    expect(short).toEqual([]);
  });

  it("reads like the fixture: the title, the nine section headings, the tables' headings", () => {
    const text = poppler("pdftotext", "-enc", "UTF-8", save("fixture-text.pdf", fixturePdf), "-");
    for (const heading of [
      "三河市人民政府办公室2020年部门预算信息公开情况说明",
      "一、部门职责及机构设置情况",
      "四、财政拨款“三公”经费预算情况及增减变化原因",
      "九、其他需要说明的事项",
      "部门政府采购预算",
      "部门固定资产占用情况表",
      "一级指标",
      "指标值确定依据",
      "我部门无其他需要说明的事项",
    ]) {
      expect(squeeze(text)).toContain(squeeze(heading));
    }
  });

  it("embeds its fonts with a Unicode map, on A4 pages, one of them landscape", () => {
    const file = save("fonts.pdf", fixturePdf);
    const fonts = poppler("pdffonts", file).split("\n").slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    // columns: … emb sub uni object ID — every font embedded and mapped to Unicode
    for (const line of fonts) expect(line).toMatch(/\byes\s+(yes|no)\s+yes\s+\d+\s+\d+\s*$/);
    const sizes = poppler("pdfinfo", "-f", "1", "-l", "999", file).match(/Page\s+\d+ size:\s+[\d.]+ x [\d.]+/g) ?? [];
    expect(sizes.length).toBeGreaterThan(10);
    expect(sizes.every((s) => /594\.96 x 841\.92|841\.92 x 594\.96/.test(s))).toBe(true);
    expect(sizes.filter((s) => s.endsWith("841.92 x 594.96"))).toHaveLength(1);
    expect(poppler("pdfinfo", file)).toMatch(/Title:\s+三河市人民政府办公室2020年部门预算信息公开情况说明/);
  });

  it("is the official document alone: no chart, each page numbered “— N —” at its foot", () => {
    const body = printHtml(sanhe2020()).split("</head>")[1];
    expect(body).not.toMatch(/<svg|<figure/);
    const file = save("numbers.pdf", fixturePdf);
    const pages = Number(poppler("pdfinfo", file).match(/Pages:\s+(\d+)/)![1]);
    for (const page of [1, 2, pages]) {
      const text = poppler("pdftotext", "-f", String(page), "-l", String(page), "-enc", "UTF-8", file, "-");
      // poppler reads the thin gaps of "— 1 —" as no space at all.
      expect(text).toMatch(new RegExp(`—\\s*${page}\\s*—`));
    }
    expect(poppler("pdftotext", "-enc", "UTF-8", file, "-")).not.toContain("草稿");
  });

  it("prints a draft with the diagonal 草稿, its version and the time on every page; the published PDF has none", async () => {
    const stamp = { revision: 1, version: 17, printedAt: "2021年1月5日 14:30" };
    // The small example disclosure: the stamp is the same on any document, and a print costs seconds.
    const file = save("draft.pdf", await renderPdf(exampleDisclosure, { printer, draft: stamp }));
    const pages = Number(poppler("pdfinfo", file).match(/Pages:\s+(\d+)/)![1]);
    for (const page of [1, pages]) {
      const text = poppler("pdftotext", "-f", String(page), "-l", String(page), "-enc", "UTF-8", file, "-");
      expect(text).toContain("草稿");
      expect(text.replace(/\s+/g, "")).toContain("第1版·保存版本17·打印于2021年1月5日14:30");
    }
    const html = printHtml(exampleDisclosure, {}, stamp);
    expect(html).toContain('class="dd-watermark"');
    expect(printHtml(exampleDisclosure)).not.toContain("dd-watermark");
  }, 120_000);

  it("gives the same bytes for the same disclosure (the print time is pinned)", async () => {
    const again = await renderPdf(sanhe2020(), { printer, revision: 1 });
    expect(Buffer.from(again).equals(Buffer.from(fixturePdf))).toBe(true);
  });

  it("gives the same bytes from a fresh page as from a warm one, so reused pages never change a file", async () => {
    const fresh = new PdfPrinter({ concurrency: 1, printsPerPage: 1 });
    try {
      const first = await renderPdf(sanhe2020(), { printer: fresh, revision: 1 });
      expect(Buffer.from(first).equals(Buffer.from(fixturePdf))).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it("gives Chromium the TrueType print fonts only where lib/tools/tasks/print-fonts.py has written them", () => {
    const fonts = path.join(dir, "print-fonts");
    mkdirSync(fonts, { recursive: true });
    expect(new PdfPrinter({ fontsDir: fonts }).fontConfig).toBeNull();
    writeFileSync(path.join(fonts, "fonts.conf"), "<fontconfig/>");
    expect(new PdfPrinter({ fontsDir: fonts }).fontConfig).toBe(path.join(fonts, "fonts.conf"));
  });

  it("prints hostile text as text: markup and formulas verbatim, a long unbroken string wrapped inside the page", async () => {
    const file = save("hostile.pdf", await renderPdf(hostileDisclosure(), { printer }));
    const text = poppler("pdftotext", "-enc", "UTF-8", file, "-");
    expect(text).toContain("<script>alert(1)</script>");
    expect(text).toContain('=HYPERLINK("http://x","y")');
    for (const t of HOSTILE_TEXTS.filter((h) => h !== LONG_TEXT)) expect(text).toContain(t.trim());
    // Wrapped, not cut: every A is there, on lines that fit the page (no line runs off its edge).
    const runs = text.match(/A{2,}/g) ?? [];
    expect(runs.join("").length).toBe(LONG_TEXT.length * 3);
    expect(Math.max(...runs.map((r) => r.length))).toBeLessThan(120);
    const boxes = poppler("pdftotext", "-bbox", file, "-");
    const pageWidths = [...boxes.matchAll(/<page width="([\d.]+)"/g)].map((m) => Number(m[1]));
    const rightEdges = [...boxes.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(Math.max(...rightEdges)).toBeLessThanOrEqual(Math.max(...pageWidths));
  });
});
