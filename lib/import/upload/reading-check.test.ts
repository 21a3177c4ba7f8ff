import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { Disclosure } from "../../domain/model";
import { renderDocx } from "../../export/docx";
import { docxToDisclosureText } from "../../export/docx-read";
import { renderJson } from "../../export/json";
import { readUpload, type UploadReading } from "./read-upload";
import { UploadRefused } from "./sniff";
import { sanhe2020, sanhe2020Text } from "../../domain/__fixtures__/sanhe-2020";

/**
 * A file that holds what no text may hold (lib/domain/text-hygiene.ts) or a figure beyond what the
 * model takes is refused when it is read, with the place — the line of a text file, the section
 * of a Word file, the field of a JSON file or an indicator sheet — never shown in the preview and
 * then refused on accept. Invisible characters are removed before the preview shows the text.
 */

const fixture = sanhe2020Text();
const golden: Disclosure = sanhe2020();
const utf8 = (text: string) => new TextEncoder().encode(text);

async function refusal(bytes: Uint8Array, name: string): Promise<string> {
  const error = await readUpload(bytes, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UploadRefused);
  return (error as Error).message;
}

const disclosureOf = (reading: UploadReading) => {
  if (reading.kind !== "disclosure") throw new Error(`expected a disclosure, got ${reading.kind}`);
  return reading.disclosure;
};

/** The fixture's text with `insert` put after the first `after`; and the line that is on. */
function fixtureWith(after: string, insert: string): { text: string; line: number } {
  const at = fixture.indexOf(after) + after.length;
  expect(at).toBeGreaterThan(after.length - 1);
  return {
    text: `${fixture.slice(0, at)}${insert}${fixture.slice(at)}`,
    line: fixture.slice(0, at).split("\n").length,
  };
}

/** The golden disclosure as Word, with `xml` put into document.xml after the first `after` (raw XML: entities stay entities). */
async function wordWith(after: string, xml: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await renderDocx(golden));
  const document = await zip.file("word/document.xml")!.async("string");
  expect(document).toContain(after);
  zip.file("word/document.xml", document.replace(after, `${after}${xml}`));
  return zip.generateAsync({ type: "uint8array" });
}

describe("text files: refused at the line", () => {
  it("a direction override, an escape or a bell character, with the line and the text just before it", async () => {
    for (const [insert, code] of [
      ["\u202e", "U+202E"],
      ["\u001b", "U+001B"],
      ["\u0007", "U+0007"],
    ] as const) {
      const { text, line } = fixtureWith("公务接待费", insert);
      const message = await refusal(utf8(text), "上年.txt");
      expect(message).toMatch(new RegExp(`^“上年\\.txt”不能导入，第${line}行：第 \\d+ 个字符是`));
      expect(message).toContain(code);
      expect(message).toContain("公务接待费”之后）");
    }
  });

  it("says how many more places there are", async () => {
    const text = fixture.replace("市长热线", "市长\u202e热线").replace("公务接待费", "公务\u2066接待费");
    expect(await refusal(utf8(text), "上年.txt")).toMatch(/另有 \d+ 处需要修改。$/);
  });

  it("invisible characters are removed, and a page break is layout: the fixture still reads as the golden file", async () => {
    const withZeroWidth = fixture
      .replace("三河市人民政府办公室", "三河市\u200b人民政府\ufeff办公室")
      .replace("公务接待费", "公务\u200d接待费")
      .replace(/\n(?=二、)/, "\n\f");
    expect(withZeroWidth).not.toBe(fixture);
    expect(disclosureOf(await readUpload(utf8(withZeroWidth), "上年.txt"))).toEqual(golden);
  });
});

describe("Word files: refused at the section, never shown and then refused on accept", () => {
  for (const [name, xml, what] of [
    ["a NUL reference", "&#0;", "空字符"],
    ["a lone surrogate reference", "&#xD800;", "残缺的字符"],
    ["a raw NUL", "\u0000", "空字符"],
    ["a control character reference", "&#x1B;", "U+001B"],
    ["a direction override", "\u202e", "U+202E"],
  ] as const) {
    it(name, async () => {
      const message = await refusal(await wordWith("市志编纂业务费", xml), "上年.docx");
      expect(message).toMatch(/^“上年\.docx”不能导入，[一二三四五六七八九]、[^：]+：第 \d+ 个字符是/);
      expect(message).toContain(what);
      expect(message).toContain("市志编纂业务费”之后）");
    });
  }

  it("a reference to a character that cannot exist stays as written instead of breaking the reading", async () => {
    const word = await wordWith("市志编纂业务费", "&#x110000;");
    expect(await docxToDisclosureText(word)).toContain("市志编纂业务费&#x110000;");
    expect((await readUpload(word, "上年.docx")).format).toBe("docx");
  });
});

describe("JSON files: refused at the field", () => {
  const json = (d: unknown) => utf8(JSON.stringify(d));

  it("a lone surrogate or a NUL, escaped as JSON writes them", async () => {
    const d = structuredClone(golden);
    d.performance.projects[0].indicators[2].name = "受理量\ud800";
    const message = await refusal(json(d), "434.json");
    expect(message).toMatch(
      /^“434\.json”不能导入，五、预算绩效信息 › 项目 1 › 指标第 3 行 › 三级指标：第 4 个字符是残缺的字符/,
    );
    d.performance.projects[0].indicators[2].name = "受理量";
    d.otherMatters = "无\u0000";
    expect(await refusal(json(d), "434.json")).toMatch(
      /^“434\.json”不能导入，九、其他需要说明的事项：第 2 个字符是空字符/,
    );
  });

  it("a 1e308 weight and a 301-digit area, with the rule", async () => {
    const d = structuredClone(golden) as Disclosure;
    d.performance.projects[1].indicators[0].weight = 1e308;
    expect(await refusal(json(d), "434.json")).toBe(
      "“434.json”不能导入，五、预算绩效信息 › 项目 2 › 指标第 1 行 › 权重：权重须在 0 到 100 之间。",
    );
    const e = structuredClone(golden) as Disclosure;
    e.assets.buildings.area = "9".repeat(301);
    expect(await refusal(json(e), "434.json")).toMatch(
      /^“434\.json”不能导入，七、国有资产信息 › .+：数值最多 15 位数字/,
    );
  });

  it("a hundred thousand nested arrays", async () => {
    const deep = utf8(`{"schemaVersion":1,"title":${"[".repeat(100_000)}${"]".repeat(100_000)}}`);
    expect(await refusal(deep, "deep.json")).toBe(
      "未能从“deep.json”读取信息公开内容：JSON 嵌套超过 32 层，不是部门预算信息公开的数据。",
    );
  });

  it("the canonical export still reads back as itself", async () => {
    expect(disclosureOf(await readUpload(renderJson(golden), "434.json"))).toEqual(golden);
  });
});

describe("indicator sheets: refused at the project and row", () => {
  const csv = (rows: string[][]) => utf8(rows.map((r) => r.join(",")).join("\n"));
  const header = ["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "权重"];

  it("a weight beyond 100 and a direction override in a cell", async () => {
    expect(
      await refusal(csv([header, ["热线经费", "产出指标", "数量指标", "受理量", "1000件", "150"]]), "指标.csv"),
    ).toBe("“指标.csv”不能导入，五、预算绩效信息 › 项目 1「热线经费」› 指标第 1 行 › 权重：权重须在 0 到 100 之间。");
    expect(
      await refusal(csv([header, ["热线经费", "产出指标", "数量指标", "受理\u202e量", "1000件", "20"]]), "指标.csv"),
    ).toMatch(
      /^“指标\.csv”不能导入，五、预算绩效信息 › 项目 1「热线经费」› 指标第 1 行 › 三级指标：第 3 个字符是看不见的文字方向控制符（U\+202E）/,
    );
  });
});
