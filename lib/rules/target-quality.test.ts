import { describe, expect, test } from "vitest";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";
import { checkDisclosure } from "./engine";
import { QUOTE_MAX, targetQualityQuote, withQuote } from "./target-quality";

const HEADING = "以下项目的绩效目标评级为中或差，请按所列问题修改：";

describe("the 绩效目标质量 quote", () => {
  const d = sanhe2020();
  const findings = checkDisclosure(d);

  test("quotes the fixture's 中 and 差 projects, worst first, each with its findings and their dimension", () => {
    const quote = targetQualityQuote(d, findings)!;
    const lines = quote.split("\n");
    expect(lines[0]).toBe(HEADING);
    // 市长热线 (差 55), then the two 中 of 75 in the disclosure's order; no 良 or 优 project.
    expect(lines.filter((l) => /^\d+、/.test(l))).toEqual([
      "3、市长热线办公室业务费（差，55 分）",
      "1、市志编纂业务费（中，75 分）",
      "4、金融信用办业务经费（中，75 分）",
    ]);
    // Errors first: the two unreadable `=0.00健全` of 市长热线 lead its block.
    const hotline = lines.slice(
      lines.indexOf("3、市长热线办公室业务费（差，55 分）") + 1,
      lines.indexOf("1、市志编纂业务费（中，75 分）"),
    );
    expect(hotline[0]).toMatch(
      /^ {2}· 【可行性】项目“市长热线办公室业务费”第 9 行“内部影响”：指标值 “=0.00健全” 无法读取/,
    );
    expect(hotline[1]).toMatch(/^ {2}· 【可行性】.*第 10 行“外部影响”/);
    expect(hotline.filter((l) => l.includes("【相关性】"))).toHaveLength(2);
    expect(quote).not.toContain("政务公开专项经费");
  });

  test("is null when every project grades 优 or 良: nothing to return for", () => {
    const clean = { performance: { ...d.performance, projects: d.performance.projects.slice(4, 5) } };
    expect(targetQualityQuote(clean, checkDisclosure({ ...d, ...clean }))).toBeNull();
  });

  test("stays under its limit with many weak projects, and says how many it left out", () => {
    const many = {
      performance: { ...d.performance, projects: Array.from({ length: 40 }, () => d.performance.projects[2]) },
    };
    const quote = targetQualityQuote(many, checkDisclosure({ ...d, ...many }))!;
    expect(quote.length).toBeLessThanOrEqual(QUOTE_MAX + 40);
    expect(quote).toMatch(/另有 \d+ 个评级为中或差的项目，见检查结果。$/);
  });

  test("the stored note is the approver's own words and then the server's quote, whatever the browser sent of it", () => {
    const quote = targetQualityQuote(d, findings)!;
    expect(withQuote("", quote)).toBe(quote);
    expect(withQuote("请尽快修改。", quote)).toBe(`请尽快修改。\n\n${quote}`);
    // A quote edited or gone stale in the browser is replaced by the server's.
    expect(withQuote(`请尽快修改。\n\n${HEADING}\n1、某项目（差，0 分）`, quote)).toBe(`请尽快修改。\n\n${quote}`);
    expect(withQuote(quote, quote)).toBe(quote);
  });
});
