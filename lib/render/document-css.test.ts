import { describe, expect, it } from "vitest";
import { DOCUMENT_CSS, FONT_STACK } from "./document-css";

/** The stylesheet's print rules: what makes the PDF (and a printed portal page) an official document. */

const printRules = DOCUMENT_CSS.slice(DOCUMENT_CSS.indexOf("@media print"));

describe("DOCUMENT_CSS", () => {
  it("prints A4 with GB/T 9704's margins (37 top, 35 bottom, 28 left, 26 right) and the landscape page", () => {
    expect(DOCUMENT_CSS).toContain("@page{size:A4;margin:37mm 26mm 35mm 28mm}");
    expect(DOCUMENT_CSS).toMatch(/@page wide\{size:A4 landscape;/);
  });

  it("sets 三号 (16pt) text on 22 lines of 28 characters in the 156 × 225 mm block", () => {
    expect(printRules).toContain(".dd{font-size:16pt;line-height:calc(225mm / 22)}");
    expect(printRules).toContain("letter-spacing:calc(156mm / 28 - 16pt - 0.02pt)");
    expect(printRules).toMatch(/\.dd \.dd-title\{font-size:22pt/);
  });

  it("numbers pages “— N —” at the foot, odd on the right and even on the left, 7mm under the text", () => {
    expect(DOCUMENT_CSS).toMatch(/@page:right\{@bottom-right\{content:"— " counter\(page\) " —";[^}]*padding-top:7mm/);
    expect(DOCUMENT_CSS).toMatch(/@page:left\{@bottom-left\{content:"— " counter\(page\) " —";[^}]*padding-top:7mm/);
  });

  it("names each official face first and the free face after it", () => {
    const order = (stack: string, official: string, free: string) =>
      expect(stack.indexOf(official)).toBeLessThan(stack.indexOf(free));
    order(FONT_STACK.body, '"仿宋_GB2312"', '"Noto Serif CJK SC"');
    order(FONT_STACK.heading, '"黑体"', '"Noto Sans CJK SC"');
    order(FONT_STACK.subheading, '"楷体_GB2312"', '"AR PL UKai CN"');
    order(FONT_STACK.title, '"方正小标宋简体"', '"DD 小标宋"');
    expect(DOCUMENT_CSS).toContain('@font-face{font-family:"DD 小标宋";src:local("Noto Serif CJK SC Bold")');
    expect(DOCUMENT_CSS).toContain(`.dd h3{font-family:${FONT_STACK.subheading}`);
    expect(DOCUMENT_CSS).toContain(`.dd .dd-title{font-family:${FONT_STACK.title}`);
  });
});
