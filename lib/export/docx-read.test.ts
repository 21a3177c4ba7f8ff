import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { docxToDisclosureText, documentXmlToLines } from "./docx-read";

const body = (inner: string) => `<?xml version="1.0"?><w:document xmlns:w="w"><w:body>${inner}</w:body></w:document>`;
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (inner: string, props = "") => `<w:tc><w:tcPr>${props}</w:tcPr>${inner}</w:tc>`;

describe("documentXmlToLines", () => {
  it("reads paragraphs in order, with entities decoded and runs joined", () => {
    const xml = body(
      `${p("一、部门职责")}<w:p><w:r><w:t>A &amp; B &lt;c&gt; &#x4E00;</w:t></w:r><w:r><w:t>续</w:t></w:r></w:p><w:p/>`,
    );
    expect(documentXmlToLines(xml)).toEqual(["一、部门职责", "A & B <c> 一续", ""]);
  });

  it("writes a table as the fixture does: tab-indented cells, a blank line after each row, continued cells blank", () => {
    const row1 = `<w:tr>${tc(p("产出指标"), '<w:vMerge w:val="restart"/>')}${tc(p("数量指标"))}</w:tr>`;
    const row2 = `<w:tr>${tc("<w:p/>", "<w:vMerge/>")}${tc(p("质量指标"))}</w:tr>`;
    const merged = `<w:tr>${tc(p("绩效目标"))}${tc(p("目标文字"), '<w:gridSpan w:val="5"/>')}</w:tr>`;
    expect(documentXmlToLines(body(`${p("表")}<w:tbl>${merged}${row1}${row2}</w:tbl>${p("后")}`))).toEqual([
      "表",
      "",
      "\t绩效目标",
      "\t目标文字",
      "",
      "\t产出指标",
      "\t数量指标",
      "",
      "\t",
      "\t质量指标",
      "",
      "",
      "后",
    ]);
  });

  it("keeps tab characters but not tab stops, and reads one branch of alternate content", () => {
    const xml = body(
      `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r>` +
        `<mc:AlternateContent><mc:Choice><w:r><w:t>框</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>框</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>`,
    );
    expect(documentXmlToLines(xml)).toEqual(["a\tb框"]);
  });

  it("drops empty paragraphs around a cell's text, which would otherwise read as the end of a row", () => {
    const xml = body(`<w:tbl><w:tr>${tc(`${p("=90.00%")}<w:p/><w:p/>`)}${tc(p("依据"))}</w:tr></w:tbl>`);
    expect(documentXmlToLines(xml)).toEqual(["", "\t=90.00%", "\t依据", "", ""]);
  });

  it("finds the main part through the package relationships", async () => {
    const zip = new JSZip();
    zip.file(
      "_rels/.rels",
      '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/main.xml"/></Relationships>',
    );
    zip.file("word/main.xml", body(p("标题")));
    expect(await docxToDisclosureText(await zip.generateAsync({ type: "uint8array" }))).toBe("标题\n");
  });
});
