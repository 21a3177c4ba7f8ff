import { describe, expect, it } from "vitest";
import { HOSTILE_TEXTS, hostileDisclosure } from "../export/__fixtures__/hostile-disclosure";
import { budgetCharts } from "./charts";
import { documentOutline, outlineTables } from "./document";
import { documentHtml, escapeHtml, FOLD_OVER, tableHtml, tableParts } from "./html";
import { indicatorTable, procurementTable } from "./tables";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";
import { classification2020, sanhe2020WithTables } from "../domain/__fixtures__/sanhe-2020-tables";
import { syntheticDisclosure } from "../../db/seed/synthetic";
import { demoDepartments } from "../../db/seed/demo-departments";

const golden = sanhe2020();
const html = documentHtml(documentOutline(golden), budgetCharts(golden));

/** The text a browser would show for an HTML fragment (tags dropped, entities decoded). */
const visibleText = (fragment: string) =>
  fragment
    .replace(/<svg[\s\S]*?<\/svg>/g, "")
    .replace(/<[^>]+>/g, "\n")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

describe("documentHtml", () => {
  it("has the title and the nine sections in order, each with its heading", () => {
    const headings = [...html.matchAll(/<h2 id="heading-(\w+)">([^<]+)<\/h2>/g)].map((m) => m[2]);
    expect(headings).toEqual([
      "一、部门职责及机构设置情况",
      "二、部门预算安排的总体情况",
      "三、机关运行经费安排情况",
      "四、财政拨款“三公”经费预算情况及增减变化原因",
      "五、预算绩效信息",
      "六、政府采购预算情况",
      "七、国有资产信息",
      "八、名词解释",
      "九、其他需要说明的事项",
    ]);
    expect(html).toContain('<h1 class="dd-title">三河市人民政府办公室2020年部门预算信息公开情况说明</h1>');
  });

  it("writes every table of the outline, with the indicator tables' 一级/二级 merged over their rows", () => {
    const tables = outlineTables(documentOutline(golden));
    expect(tables).toHaveLength(16);
    for (const table of tables) expect(html).toContain(`id="table-${table.id}"`);
    const first = tableHtml(indicatorTable(golden.performance.projects[0], 0));
    expect(first).toMatch(/<td rowspan="\d+" class="c">产出指标<\/td>/);
    expect(first).toContain('<thead><tr><th scope="col" class="c">一级指标</th>');
    // The amount and goal lead the grid; the column headings repeat on each printed page.
    expect(first.indexOf("资金金额（万元）")).toBeLessThan(first.indexOf("<thead>"));
  });

  it("prints 评（扣）分标准 after 指标值确定依据 under the 2021 framework; the 2020 fixture's tables keep six columns", () => {
    const headerOf = (d: typeof golden) =>
      outlineTables(documentOutline(d))
        .filter((t) => t.id.startsWith("indicators-"))
        .map((t) => t.rows.find((r) => r.header)?.cells.map((c) => c.text));
    const six = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"];
    expect(headerOf(golden).every((h) => JSON.stringify(h) === JSON.stringify(six))).toBe(true);
    expect(html).not.toContain("评（扣）分标准");

    const d2021 = syntheticDisclosure(sanhe2020(), demoDepartments[0], 2021, "2021");
    const scored = [...six, "评（扣）分标准"];
    expect(headerOf(d2021).every((h) => JSON.stringify(h) === JSON.stringify(scored))).toBe(true);
    const page = documentHtml(documentOutline(d2021));
    expect(page).toContain('<th scope="col" class="c">评（扣）分标准</th>');
    expect(visibleText(page)).toContain(d2021.performance.projects[0].indicators[0].scoringStandard);
    // The framework asks for the column: a 2021 table whose rows have none yet still prints it, empty.
    const unscored = structuredClone(d2021);
    for (const p of unscored.performance.projects) for (const i of p.indicators) delete i.scoringStandard;
    expect(headerOf(unscored).every((h) => JSON.stringify(h) === JSON.stringify(scored))).toBe(true);
  });

  it("right-aligns amounts and keeps the frameless line of a table above its grid", () => {
    const procurement = tableHtml(procurementTable(golden));
    expect(tableParts(procurementTable(golden))).toMatchObject({ meta: [0], lead: [], head: [1, 2, 3] });
    expect(procurement).toContain(
      '<div class="dd-table-meta"><span>434-三河市人民政府办公室</span><span>单位：万元</span></div>',
    );
    expect(procurement).toContain('<td class="r">53.94</td>');
    expect(procurement).toContain('<td class="r">1.58</td>');
    expect(procurement).toContain("dd-wide");
  });

  it("lets a keyboard reach and scroll a table that scrolls in its box (frozen columns, a wide one, five columns and more on a phone), and only those", () => {
    const withTables = sanhe2020WithTables();
    const outline = documentOutline(withTables, { nameOf: classification2020().nameOf });
    const full = documentHtml(outline, budgetCharts(withTables));
    const tables = outlineTables(outline);
    expect(tables.filter((t) => t.frozen).length).toBeGreaterThan(0);
    const scrolling = (t: (typeof tables)[number]) =>
      Boolean(t.frozen) || t.id === "procurement" || t.id.startsWith("indicators-");
    for (const table of tables) {
      const open = new RegExp(`<div class="dd-table-wrap[^"]*" id="table-${table.id}"[^>]*>`).exec(full)![0];
      expect(open.includes('tabindex="0" role="region"'), table.id).toBe(scrolling(table));
    }
    // The four-column tables (单位构成, the charts' figures) fit a phone and stay as they are.
    expect(full).toMatch(/<div class="dd-table-wrap" id="table-org-units">/);
  });

  it("puts each chart, with a data table and a text alternative, at the end of its section", () => {
    const budget = html.slice(html.indexOf('id="section-budget"'), html.indexOf('id="section-operatingExpenses"'));
    expect(budget).toContain('id="chart-income"');
    expect(budget).toContain('id="chart-change"');
    expect(budget).toMatch(/<svg aria-label="收入构成：一般公共预算收入 2,765.39万元（100.0%）/);
    expect(budget).toContain(
      '<th scope="row" class="l">项目支出</th><td class="r">1,602.96</td><td class="r">1,306.94</td><td class="r">增加296.02万元</td>',
    );
    const threePublic = html.slice(html.indexOf('id="section-threePublic"'), html.indexOf('id="section-performance"'));
    expect(threePublic).toContain('id="chart-three-public"');
  });

  it("shows every figure of the document's sentences", () => {
    const text = visibleText(html);
    for (const figure of [
      "2765.39万元",
      "1162.43万元",
      "99.99万元",
      "252.89万元",
      "168.95万元",
      "1153.01万元",
      "6841.88",
      "431.38",
      "224.84",
      "496.79",
      ">=95.00%",
    ]) {
      expect(text).toContain(figure);
    }
  });

  it("keeps hostile text inert: markup escaped, formulas and long strings as plain text", () => {
    const hostile = documentHtml(documentOutline(hostileDisclosure()));
    expect(hostile).not.toContain("<script>");
    expect(hostile).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    const text = visibleText(hostile);
    for (const t of HOSTILE_TEXTS) expect(text).toContain(t);
    expect(escapeHtml(`"'<>&`)).toBe("&quot;&#39;&lt;&gt;&amp;");
  });

  it("folds a long cell behind 展开 on screen only, its whole text kept in order; the print layout unfolded", () => {
    const screen = documentHtml(documentOutline(golden), [], { fold: true });
    const folds = screen.match(/<details class="dd-fold">.*?<\/details>/g) ?? [];
    expect(folds.length).toBeGreaterThan(10);
    const longBasis = golden.performance.projects
      .flatMap((p) => p.indicators.map((i) => i.basis))
      .find((b) => [...b].length > FOLD_OVER)!;
    // The lead, then the rest: read in order the text is whole, nothing repeated.
    const folded = folds
      .map((f) => f.replace(/<span class="dd-fold-(more|less)">[^<]*<\/span>/g, "").replace(/<[^>]+>/g, ""))
      .map((f) => f.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"));
    expect(folded).toContain(longBasis);
    expect(screen).toContain('<span class="dd-fold-more">…展开</span>');
    expect(html).not.toContain("dd-fold");
    // Headings and short cells never fold.
    expect(screen).not.toMatch(/<th[^>]*><details/);
  });

  it("puts a scroll hint over the wide procurement table, outside its scrolling box", () => {
    const procurement = tableHtml(procurementTable(golden));
    expect(procurement).toMatch(
      /^<p class="dd-scroll-hint" aria-hidden="true">表格较宽，可在框内左右滑动查看 →<\/p><div class="dd-table-wrap dd-wide" id="table-procurement" tabindex="0" role="region"/,
    );
  });

  it("gives a 绩效目标表 a phone's hint and box of its own: its six columns scroll below 640 px rather than squeeze", () => {
    const indicators = tableHtml(indicatorTable(golden.performance.projects[0], 0), "caption-indicators-1");
    expect(indicators).toMatch(
      /^<p class="dd-scroll-hint dd-scroll-hint-phone" aria-hidden="true">表格较宽，可在框内左右滑动查看 →<\/p><div class="dd-table-wrap dd-many" id="table-indicators-1" tabindex="0" role="region" aria-labelledby="caption-indicators-1">/,
    );
  });
});
