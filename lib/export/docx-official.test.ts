import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { exampleDisclosure } from "../render/__fixtures__/example-disclosure";
import { renderDocx } from "./docx";

/**
 * The Word file read as Word reads it (its XML parts): the GB/T 9704 look of an official document —
 * faces, sizes, margins, the 22 × 28 grid and the "— 1 —" page numbers — is in the file itself.
 */

let parts: Record<string, string>;
beforeAll(async () => {
  const zip = await JSZip.loadAsync(await renderDocx(exampleDisclosure));
  parts = {};
  for (const name of Object.keys(zip.files))
    if (name.endsWith(".xml")) parts[name] = await zip.file(name)!.async("string");
});

/** The XML of one paragraph style, by its id. */
const style = (id: string) => {
  const found = parts["word/styles.xml"].match(new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`));
  if (!found) throw new Error(`no style ${id}`);
  return found[0];
};

describe("the Word file's official look (GB/T 9704)", () => {
  it("sets the title in 小标宋 二号, section headings in 黑体, second-level in 楷体, the text in 仿宋 三号", () => {
    expect(style("DisclosureTitle")).toContain('w:eastAsia="方正小标宋简体"');
    expect(style("DisclosureTitle")).toContain('<w:sz w:val="44"/>');
    // 小标宋 is heavy already: not made bold on top.
    expect(style("DisclosureTitle")).not.toContain("<w:b/>");
    expect(style("SectionHeading")).toContain('w:eastAsia="黑体"');
    expect(style("SubHeading")).toContain('w:eastAsia="楷体_GB2312"');
    expect(style("SubHeading")).not.toContain("<w:b/>");
    const defaults = parts["word/styles.xml"].match(/<w:docDefaults>.*?<\/w:docDefaults>/)![0];
    expect(defaults).toContain('w:eastAsia="仿宋_GB2312"');
    expect(defaults).toContain('<w:sz w:val="32"/>');
    // Latin letters and digits in the text are Times New Roman, as official documents set them.
    expect(defaults).toContain('w:ascii="Times New Roman"');
  });

  it("names a fallback for each official face a reader's machine may lack", () => {
    const fonts = parts["word/fontTable.xml"];
    for (const [face, fallback] of [
      ["仿宋_GB2312", "仿宋"],
      ["楷体_GB2312", "楷体"],
      ["方正小标宋简体", "黑体"],
    ])
      expect(fonts).toMatch(new RegExp(`<w:font w:name="${face}"><w:altName w:val="${fallback}"/>`));
  });

  it("is A4 with margins 37/35/28/26 mm and a 22-line, 28-character grid", () => {
    const sections = parts["word/document.xml"].match(/<w:sectPr>.*?<\/w:sectPr>/g) ?? [];
    const portrait = sections.filter((s) => s.includes('w:orient="portrait"'));
    expect(portrait.length).toBeGreaterThan(0);
    for (const s of portrait) {
      expect(s).toContain('<w:pgSz w:w="11906" w:h="16838"');
      // twips: 37mm 2098, 26mm 1474, 35mm 1984, 28mm 1588
      expect(s).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/);
      const grid = s.match(/<w:docGrid w:type="linesAndChars" w:linePitch="(\d+)" w:charSpace="(-?\d+)"\/>/);
      expect(grid).not.toBeNull();
      const [linePitch, charSpace] = [Number(grid![1]), Number(grid![2])];
      // 22 lines fill the 225mm text block; 28 characters of 16pt narrowed by charSpace fill the 156mm line.
      expect(Math.floor((16838 - 2098 - 1984) / linePitch)).toBe(22);
      const charPitchTwips = (16 + charSpace / 4096) * 20;
      expect(Math.floor((11906 - 1588 - 1474) / charPitchTwips + 1e-6)).toBe(28);
    }
    expect(style("Normal") + parts["word/styles.xml"]).toContain('w:line="579" w:lineRule="exact"');
  });

  it("numbers every page “— 1 —” at the foot, odd pages on the right and even on the left", () => {
    expect(parts["word/settings.xml"]).toContain("<w:evenAndOddHeaders/>");
    const sections = parts["word/document.xml"].match(/<w:sectPr>.*?<\/w:sectPr>/g) ?? [];
    for (const s of sections) {
      expect(s).toContain('<w:footerReference w:type="default"');
      expect(s).toContain('<w:footerReference w:type="even"');
    }
    const footers = Object.entries(parts).filter(([name]) => /^word\/footer\d+\.xml$/.test(name));
    expect(footers.length).toBeGreaterThan(0);
    for (const [, xml] of footers) {
      const text = xml.replace(/<w:instrText[^>]*>PAGE<\/w:instrText>/g, "#").replace(/<[^>]+>/g, "");
      expect(text).toBe("— # —");
      expect(xml).toMatch(/<w:jc w:val="(right|left)"\/>/);
    }
    expect(footers.some(([, x]) => x.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(footers.some(([, x]) => x.includes('<w:jc w:val="left"/>'))).toBe(true);
    expect(style("PageNumber")).toContain('w:eastAsia="宋体"');
    expect(style("PageNumber")).toContain('<w:sz w:val="28"/>');
  });
});
