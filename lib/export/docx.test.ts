import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { exampleDisclosure } from "../render/__fixtures__/example-disclosure";
import { HOSTILE_TEXTS, LONG_TEXT, hostileDisclosure } from "./__fixtures__/hostile-disclosure";
import { renderDocx } from "./docx";
import { docxToDisclosureText } from "./docx-read";

const documentXml = async (bytes: Uint8Array) =>
  (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");

describe("renderDocx", () => {
  it("gives the same bytes for the same disclosure (published files are checksummed)", async () => {
    const [a, b] = [await renderDocx(exampleDisclosure), await renderDocx(exampleDisclosure)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("gives the same bytes in any time zone (zip entry times are pinned in UTC)", async () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = "Asia/Shanghai";
      const shanghai = await renderDocx(exampleDisclosure);
      process.env.TZ = "America/New_York";
      expect(Buffer.from(await renderDocx(exampleDisclosure)).equals(Buffer.from(shanghai))).toBe(true);
    } finally {
      process.env.TZ = before;
    }
  });

  it("states the fixed creation time, or the one it is given", async () => {
    const core = async (bytes: Uint8Array) => (await JSZip.loadAsync(bytes)).file("docProps/core.xml")!.async("string");
    expect(await core(await renderDocx(exampleDisclosure))).toContain(">2000-01-01T00:00:00Z</dcterms:created>");
    const at = new Date(Date.UTC(2020, 1, 3, 8, 0, 0));
    expect(await core(await renderDocx(exampleDisclosure, { at }))).toContain(
      ">2020-02-03T08:00:00Z</dcterms:modified>",
    );
  });

  it("is an A4 document in the official fonts, with a landscape page for the procurement table", async () => {
    const xml = await documentXml(await renderDocx(exampleDisclosure));
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    const styles = await (await JSZip.loadAsync(await renderDocx(exampleDisclosure)))
      .file("word/styles.xml")!
      .async("string");
    for (const font of ["仿宋_GB2312", "黑体", "方正小标宋简体", "楷体_GB2312"])
      expect(styles).toContain(`w:eastAsia="${font}"`);
    expect(xml).toContain('w:firstLineChars="200"');
  });

  it("writes real tables: fixed grid, merged 一级/二级 cells, amounts right-aligned", async () => {
    const xml = await documentXml(await renderDocx(exampleDisclosure));
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(4);
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(xml).toMatch(/<w:vMerge w:val="continue"\/>/);
    expect(xml).toContain('<w:gridSpan w:val="7"/>');
    expect(xml).toMatch(
      /<w:jc w:val="right"\/><\/w:pPr><w:r><w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr><w:t xml:space="preserve">53\.94<\/w:t>/,
    );
  });

  it("reads back as the fixture's text form", async () => {
    const text = await docxToDisclosureText(await renderDocx(exampleDisclosure));
    const lines = text.split("\n");
    expect(lines[0]).toBe("三河市人民政府办公室2020年部门预算信息公开情况说明");
    expect(text).toContain(
      "机构设置：\n部门机构设置情况\n\n\t单位名称\n\t单位性质\n\t单位规格\n\t经费保障形式\n\n\t三河市人民政府办公室\n\t行政\n\t正科级\n\t财政拨款\n\n",
    );
    // The second 满意度 row: 一级 and 二级 are continued from the row above, so blank.
    expect(text).toContain("\n\t\n\t\n\t受益群体满意度（%）\n\t各单位对年鉴的满意度\n\t>=90.00%\n");
    expect(text).toContain(
      "\n\t项目名称\n\t预算资金\n\t\n\t\n\t\n\t\n\t\n\t总计\n\t当年部门预算安排资金\n\t其他渠道资金\n\n",
    );
  });

  it("keeps hostile text as inert text and long strings inside their cells", async () => {
    const bytes = await renderDocx(hostileDisclosure());
    const xml = await documentXml(bytes);
    expect(xml).not.toContain("<script>");
    expect(xml).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    // A formula typed as text stays text: no field codes anywhere in the document.
    expect(xml).not.toMatch(/<w:(fldSimple|fldChar|instrText)\b/);
    // Fixed layout: Word and LibreOffice break an unbroken string at the cell edge instead of widening the table.
    expect(xml.match(/<w:tblLayout w:type="fixed"\/>/g)?.length).toBe(4);
    const text = await docxToDisclosureText(bytes);
    for (const hostile of HOSTILE_TEXTS.filter((t) => !t.startsWith("\t"))) expect(text).toContain(hostile);
    expect(text).toContain(`\t${LONG_TEXT}\n`);
  });

  it("drops characters XML cannot hold rather than writing a file Word refuses", async () => {
    const d = structuredClone(exampleDisclosure);
    d.responsibilities[0] = "响铃\u0007与换页\u000c";
    const text = await docxToDisclosureText(await renderDocx(d));
    expect(text).toContain("（一）响铃与换页\n");
  });
});
