import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { disclosure } from "./model";
import {
  findInputFault,
  findTextFault,
  MAX_INPUT_DEPTH,
  nestingDepth,
  normaliseText,
  removeTextFaults,
  textFaultExcerpt,
  textFaultMessage,
  textProblem,
} from "./text-hygiene";
import { exampleDisclosure } from "../render/__fixtures__/example-disclosure";

const CHINESE = /[\u4e00-\u9fff]/;

describe("findTextFault: characters text may not hold", () => {
  it("finds a lone surrogate, high or low, wherever it is, and says which character it is", () => {
    expect(findTextFault("项目\ud800名称")).toEqual({ kind: "surrogate", index: 2, code: 0xd800 });
    expect(findTextFault("\udfff")).toEqual({ kind: "surrogate", index: 0, code: 0xdfff });
    expect(findTextFault("末尾\ud83d")).toEqual({ kind: "surrogate", index: 2, code: 0xd83d });
    // Two high halves in a row: neither has its low half.
    expect(findTextFault("\ud83d\ud83d\ude00")).toEqual({ kind: "surrogate", index: 0, code: 0xd83d });
  });

  it("lets proper pairs through: emoji and the rarer CJK characters beyond the BMP", () => {
    for (const ok of ["𠮷野家", "🀄️麻将", "👨‍👩‍👧", "\ud83d\ude00", "合计\t2765.39\n下一行\r\n"])
      expect(findTextFault(ok)).toBeNull();
  });

  it("refuses NUL, other C0 controls, DEL, C1 controls and the two non-characters; tab, LF and CR are text", () => {
    expect(findTextFault("a\u0000b")?.kind).toBe("nul");
    for (const c of [
      "\u0001",
      "\u0007",
      "\u0008",
      "\u000b",
      "\u000c",
      "\u001b",
      "\u001f",
      "\u007f",
      "\u0085",
      "\u009f",
      "\ufffe",
      "\uffff",
    ]) {
      expect(findTextFault(`前${c}后`)).toEqual({ kind: "control", index: 1, code: c.charCodeAt(0) });
    }
    expect(findTextFault("\t\n\r")).toBeNull();
  });

  it("refuses the direction embeddings, overrides and isolates", () => {
    for (let code = 0x202a; code <= 0x202e; code++)
      expect(findTextFault(`x${String.fromCharCode(code)}`)?.kind).toBe("bidi");
    for (let code = 0x2066; code <= 0x2069; code++) expect(findTextFault(String.fromCharCode(code))?.kind).toBe("bidi");
  });

  it("reports the first fault, whatever kinds follow", () => {
    expect(findTextFault("ok\u202e\u0000\ud800")).toMatchObject({ kind: "bidi", index: 2 });
  });
});

describe("messages say what and where, in Chinese", () => {
  it("counts the position in characters as a person does (an emoji is one)", () => {
    const text = "😀项目\ud800";
    expect(textFaultMessage(text, findTextFault(text)!)).toMatch(/^第 4 个字符是残缺的字符/);
    expect(textProblem("三河\u202e市")).toBe(
      "第 3 个字符是看不见的文字方向控制符（U+202E），会使显示出的文字与实际内容不一致，不能保存；请删除它（也可清空此栏后重新输入）。",
    );
    expect(textProblem("a\u0007")).toContain("U+0007");
    expect(textProblem("\u0000")).toMatch(/^第 1 个字符是空字符（NUL/);
    expect(textProblem("干净的文字")).toBeNull();
  });

  it("quotes the visible text just before the fault on its own line, to find it in Word", () => {
    const text = "第一行\n公务接待费\u200b严格控制在预算以内\u202e其余";
    expect(textFaultExcerpt(text, findTextFault(text)!)).toBe("（紧接在“接待费严格控制在预算以内”之后）");
    expect(textFaultExcerpt("\n\u0000", findTextFault("\n\u0000")!)).toBe("（位于开头）");
  });
});

describe("normaliseText: invisible characters removed silently", () => {
  it("removes zero-width spaces, joiners outside emoji, direction marks, word joiners, BOMs and soft hyphens", () => {
    expect(normaliseText("三\u200b河\u200c市\u200d人\u200e民\u200f政\u2060府\ufeff办\u00ad公\u061c室\u180e")).toBe(
      "三河市人民政府办公室",
    );
    expect(normaliseText("\u2061\u2064\u206a\u206f\ufff9\ufffb")).toBe("");
  });

  it("keeps a zero-width joiner that joins two pictographs into one emoji", () => {
    expect(normaliseText("家庭👨‍👩‍👧")).toBe("家庭👨‍👩‍👧");
    expect(normaliseText("🏳️‍🌈")).toBe("🏳️‍🌈");
    expect(normaliseText("👨\u200d")).toBe("👨");
  });

  it("turns Unicode line and paragraph separators into line breaks and leaves clean text the same string", () => {
    expect(normaliseText("甲\u2028乙\u2029丙")).toBe("甲\n乙\n丙");
    const clean = "市志编纂业务费\t2.00万元\n";
    expect(normaliseText(clean)).toBe(clean);
  });

  it("never leaves an invisible character behind and never makes a fault (property)", () => {
    const invisible = fc.constantFrom(
      "\u200b",
      "\u200c",
      "\u200d",
      "\u200e",
      "\u200f",
      "\u2060",
      "\ufeff",
      "\u00ad",
      "a",
      "中",
      "😀",
      "\n",
    );
    fc.assert(
      fc.property(
        fc.array(invisible, { maxLength: 30 }).map((a) => a.join("")),
        (text) => {
          const once = normaliseText(text);
          expect(normaliseText(once)).toBe(once);
          expect(once).not.toMatch(/[\u200b\u200c\u200e\u200f\u2060\ufeff\u00ad]/);
          expect(findTextFault(once)).toBeNull();
        },
      ),
    );
  });

  it("removeTextFaults leaves text that passes", () => {
    expect(removeTextFaults("a\u202eb\u0000c\ud800d\u0007e😀")).toBe("abcde😀");
    expect(findTextFault(removeTextFaults("\udc00\ud800\u202e"))).toBeNull();
  });
});

describe("the model's text: every field of the disclosure", () => {
  it("is normalised on parse and refused at the field's path with the message", () => {
    const d = structuredClone(exampleDisclosure);
    d.preamble = "前言\u200b内容\ufeff";
    expect(disclosure.parse(d).preamble).toBe("前言内容");
    d.performance.projects[0].indicators[0].name = "满意度\u202e%001";
    d.responsibilities[1] = "职责\ud800";
    const parsed = disclosure.safeParse(d);
    expect(parsed.success).toBe(false);
    const issues = parsed.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toContainEqual(["performance.projects.0.indicators.0.name", textProblem("满意度\u202e%001")]);
    expect(issues).toContainEqual(["responsibilities.1", textProblem("职责\ud800")]);
    expect(issues.every(([, message]) => CHINESE.test(String(message)))).toBe(true);
  });

  it("covers the department too", () => {
    const d = { ...structuredClone(exampleDisclosure), department: { code: "434", name: "三河\u0000" } };
    expect(disclosure.safeParse(d).error?.issues[0]?.path).toEqual(["department", "name"]);
  });
});

describe("findInputFault: any operation's input", () => {
  it("names the path of the first string that may not be stored", () => {
    expect(
      findInputFault({ id: "x", content: { preamble: "好", orgUnits: [{ name: "单位" }, { name: "坏\ud800" }] } }),
    ).toEqual({
      path: "content.orgUnits.1.name",
      message: textProblem("坏\ud800"),
    });
    expect(findInputFault({ body: "a\u0000", other: "\u202e" })?.path).toBe("body");
    expect(findInputFault("\u0000")?.path).toBe("");
    expect(findInputFault({ clean: ["文字", 1, null, true, { a: "b" }] })).toBeNull();
  });

  it("checks keys too, reporting them at the object that holds them", () => {
    expect(findInputFault({ outer: { "\ud800": 1 } })?.path).toBe("outer");
  });

  it("leaves files and bytes to their readers", () => {
    expect(
      findInputFault({ file: { name: "a.docx", bytes: new Uint8Array([0, 0xd8]) }, blob: new Blob(["\u0000"]) }),
    ).toBeNull();
  });

  it("refuses nesting deeper than any of ours, without recursion: a hundred thousand arrays", () => {
    const deep = JSON.parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`) as unknown;
    const fault = findInputFault({ content: deep });
    expect(fault?.message).toBe(`内容嵌套超过 ${MAX_INPUT_DEPTH} 层，不是本系统能处理的数据，已拒绝。`);
    expect(fault?.path.split(".")).toHaveLength(MAX_INPUT_DEPTH);
    expect(nestingDepth(deep)).toBe(100_000);
    expect(nestingDepth(deep, 64)).toBe(65);
    expect(nestingDepth("x")).toBe(0);
    // The deepest input of ours, an autosave's 指标值, is well inside the limit.
    expect(findInputFault({ content: exampleDisclosure, base: exampleDisclosure })).toBeNull();
  });
});
