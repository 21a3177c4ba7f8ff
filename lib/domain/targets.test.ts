import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { target as targetSchema, type Target } from "./model";
import { isPercent, operatorSymbol, parseOperator, parseTarget, printTarget, targetNumber, unitKind } from "./targets";
import { textProblem } from "./text-hygiene";
import { sanhe2020Text } from "./__fixtures__/sanhe-2020";

/**
 * The 指标值 column of every indicator table in the fixture. Each table row is a block of
 * tab-indented lines (一级, 二级, 三级, 描述, 指标值, 依据); the header row starts with 一级指标.
 */
function fixtureTargets(): string[] {
  const lines = sanhe2020Text().split(/\r?\n/);
  const targets: string[] = [];
  let inTable = false;
  let block: string[] = [];
  const flush = () => {
    if (inTable && block.length >= 5 && block[0] !== "一级指标") targets.push(block[4]);
    if (block[0] === "一级指标") inTable = true;
    block = [];
  };
  for (const line of lines) {
    if (line.startsWith("\t")) block.push(line.slice(1));
    else {
      flush();
      if (line.trim() !== "") inTable = false;
    }
  }
  flush();
  return targets;
}

type Expected = readonly [op: string, value: string, unit: string] | "qualitative" | "unparsed";

/** Every distinct 指标值 of the fixture and how it must read. */
const FIXTURE_EXPECTED: Record<string, Expected> = {
  "<0.10%": ["<", "0.10", "%"],
  "<5.00%": ["<", "5.00", "%"],
  "<5次": ["<", "5", "次"],
  "<=0%": ["<=", "0", "%"],
  "<=100.00元/本": ["<=", "100.00", "元/本"],
  "<=12月份": ["<=", "12", "月份"],
  "<=1起": ["<=", "1", "起"],
  "<=3.00万": ["<=", "3.00", "万"],
  "<=5.00天": ["<=", "5.00", "天"],
  "<=5.00次": ["<=", "5.00", "次"],
  "<=5.00起": ["<=", "5.00", "起"],
  "<=5000元": ["<=", "5000", "元"],
  "<=50元": ["<=", "50", "元"],
  "<=5万": ["<=", "5", "万"],
  "=0.00个": ["=", "0.00", "个"],
  "=0.00健全": "unparsed",
  "=0.00次": ["=", "0.00", "次"],
  "=0次": ["=", "0", "次"],
  "=1.00年": ["=", "1.00", "年"],
  "=10": ["=", "10", ""],
  "=100%": ["=", "100", "%"],
  "=100.00%": ["=", "100.00", "%"],
  "=12.00个月": ["=", "12.00", "个月"],
  "=12.00月份": ["=", "12.00", "月份"],
  "=12月份": ["=", "12", "月份"],
  "=1年": ["=", "1", "年"],
  "=2.00次": ["=", "2.00", "次"],
  "=4个": ["=", "4", "个"],
  "=90%": ["=", "90", "%"],
  "=90.00%": ["=", "90.00", "%"],
  ">80.00%": [">", "80.00", "%"],
  ">90.00%": [">", "90.00", "%"],
  ">=10000.00次": [">=", "10000.00", "次"],
  ">=10个": [">=", "10", "个"],
  ">=10次": [">=", "10", "次"],
  ">=1个": [">=", "1", "个"],
  ">=1次": [">=", "1", "次"],
  ">=20.00笔": [">=", "20.00", "笔"],
  ">=200人/次": [">=", "200", "人/次"],
  ">=20个": [">=", "20", "个"],
  ">=20份": [">=", "20", "份"],
  ">=2个": [">=", "2", "个"],
  ">=3.00次": [">=", "3.00", "次"],
  ">=3次": [">=", "3", "次"],
  ">=4次": [">=", "4", "次"],
  ">=50人": [">=", "50", "人"],
  ">=5个": [">=", "5", "个"],
  ">=6.00次": [">=", "6.00", "次"],
  ">=8.00次": [">=", "8.00", "次"],
  ">=80%": [">=", "80", "%"],
  ">=80.00%": [">=", "80.00", "%"],
  ">=80.00人/次": [">=", "80.00", "人/次"],
  ">=80.00分": [">=", "80.00", "分"],
  ">=90%": [">=", "90", "%"],
  ">=90.00%": [">=", "90.00", "%"],
  ">=95%": [">=", "95", "%"],
  ">=95.00%": [">=", "95.00", "%"],
  健全: "qualitative",
  全面宣传三河形象: "qualitative",
  合法合规: "qualitative",
  明显提升: "qualitative",
};

function expectReads(raw: string, expected: Expected): void {
  const t = parseTarget(raw);
  expect(targetSchema.parse(t)).toEqual(t);
  expect(t.raw).toBe(raw);
  if (expected === "unparsed") expect(t).toEqual({ raw, kind: "unparsed" });
  else if (expected === "qualitative") expect(t).toEqual({ raw, kind: "qualitative", text: raw.trim() });
  else expect(t).toEqual({ raw, kind: "quantitative", operator: expected[0], value: expected[1], unit: expected[2] });
}

describe("parseTarget on the fixture", () => {
  const targets = fixtureTargets();

  it("finds all 107 indicator rows and no unexpected 指标值", () => {
    expect(targets).toHaveLength(107);
    expect([...new Set(targets)].sort()).toEqual(Object.keys(FIXTURE_EXPECTED).sort());
  });

  it.each(Object.entries(FIXTURE_EXPECTED))("%s", (raw, expected) => expectReads(raw, expected));

  it("leaves exactly the two =0.00健全 rows unreadable", () => {
    expect(
      targets
        .map(parseTarget)
        .filter((t) => t.kind === "unparsed")
        .map((t) => t.raw),
    ).toEqual(["=0.00健全", "=0.00健全"]);
  });

  it("prints every fixture target back as written (the fixture already uses canonical form)", () => {
    for (const raw of targets) expect(printTarget(parseTarget(raw))).toBe(raw);
  });
});

describe("operators in every form users type", () => {
  it.each([
    ["≥95%", ">="],
    ["≤5次", "<="],
    ["＞90%", ">"],
    ["＜5天", "<"],
    ["＝12个月", "="],
    ["＞＝95%", ">="],
    ["＜＝5次", "<="],
    ["⩾95%", ">="],
    ["⩽5次", "<="],
    ["≧95%", ">="],
    ["≦5次", "<="],
    ["=>95%", ">="],
    ["> = 95%", ">="],
    ["≥=95%", ">="],
    ["大于等于95%", ">="],
    ["大于或等于95%", ">="],
    ["不低于95%", ">="],
    ["不少于3次", ">="],
    ["不小于3次", ">="],
    ["至少3次", ">="],
    ["达到100%", ">="],
    ["小于等于5次", "<="],
    ["不高于5%", "<="],
    ["不超过5万元", "<="],
    ["不多于2次", "<="],
    ["不大于5%", "<="],
    ["大于90%", ">"],
    ["高于90%", ">"],
    ["超过90%", ">"],
    ["小于5%", "<"],
    ["低于5%", "<"],
    ["等于100%", "="],
    ["95%以上", ">="],
    ["95%及以上", ">="],
    ["95%(含)以上", ">="],
    ["95％以上（含）", ">="],
    ["5次以下", "<="],
    ["5次及以下", "<="],
    ["5天以内", "<="],
    ["3万元之内", "<="],
    ["≥95%以上", ">="],
    ["95%", "="],
    ["12个月", "="],
  ])("%s → %s", (raw, op) => {
    const t = parseTarget(raw);
    expect(t.kind).toBe("quantitative");
    if (t.kind === "quantitative") expect(t.operator).toBe(op);
  });

  it("refuses a target that contradicts itself", () => {
    expect(parseTarget("<95%以上").kind).toBe("unparsed");
    expect(parseTarget("≤5次以上").kind).toBe("unparsed");
  });

  it("reads an operator column on its own (指标性质)", () => {
    expect(parseOperator("≥")).toBe(">=");
    expect(parseOperator("大于等于")).toBe(">=");
    expect(parseOperator(" ＜＝ ")).toBe("<=");
    expect(parseOperator("以上")).toBe(">=");
    expect(parseOperator("以内")).toBe("<=");
    expect(parseOperator("等于")).toBe("=");
    expect(parseOperator("定性")).toBeNull();
    expect(parseOperator("正向")).toBeNull();
    expect(parseOperator("")).toBeNull();
    expect(parseOperator("≥95")).toBeNull();
  });

  it("shows operators with their symbols", () => {
    expect([">=", "<=", "=", ">", "<"].map((op) => operatorSymbol(op as ">="))).toEqual(["≥", "≤", "=", ">", "<"]);
  });
});

describe("numbers and units", () => {
  it.each([
    ["≥９５％", [">=", "95", "%"]],
    ["＝１２．００个月", ["=", "12.00", "个月"]],
    ["≥ 90 %", [">=", "90", "%"]],
    ["<=1,000元", ["<=", "1000", "元"]],
    ["≥1,000,000.50元", [">=", "1000000.50", "元"]],
    ["大于等于 1,000 万元", [">=", "1000", "万元"]],
    ["=2.00 次", ["=", "2.00", "次"]],
    ["≥.5%", [">=", "0.5", "%"]],
    [">=-5%", [">=", "-5", "%"]],
    ["≥200人 / 次", [">=", "200", "人/次"]],
    ["≤80元/人·天", ["<=", "80", "元/人·天"]],
    ["≥3万人次", [">=", "3", "万人次"]],
    ["=10棵", ["=", "10", "棵"]],
    ["≤2个工作日", ["<=", "2", "个工作日"]],
    ["≥500m²", [">=", "500", "m²"]],
    ["≥5个百分点", [">=", "5", "个百分点"]],
    ["\t=10\n", ["=", "10", ""]],
  ] as const)("%s", (raw, expected) => expectReads(raw, expected));

  it.each([
    "=0.00健全",
    "=0.00 健全",
    "=0好",
    "1,00元",
    "1.2.3次",
    "5.次",
    "90%-95%",
    "95%~100%",
    "2020年12月底前完成",
    "≥",
    "≥%",
    "不低于",
    "",
    "   ",
    "-",
    "≥=",
    "=5%%",
  ])("%j is unreadable", (raw) => expect(parseTarget(raw)).toEqual({ raw, kind: "unparsed" }));

  it.each(["明显提升", "健全", "合法合规", "逐步提高", "全面宣传三河形象", " 有效提升 ", "不低于去年水平"])(
    "%j is a qualitative phrase",
    (raw) => expectReads(raw, "qualitative"),
  );

  it.each([
    ["%", "percent"],
    ["‰", "percent"],
    ["个百分点", "percent"],
    ["元", "money"],
    ["万元", "money"],
    ["万", "money"],
    ["元/本", "money"],
    ["元/人", "money"],
    ["亿元", "money"],
    ["天", "time"],
    ["月", "time"],
    ["个月", "time"],
    ["月份", "time"],
    ["年", "time"],
    ["小时", "time"],
    ["日", "time"],
    ["周", "time"],
    ["个工作日", "time"],
    ["次", "count"],
    ["人/次", "count"],
    ["起", "count"],
    ["笔", "count"],
    ["份", "count"],
    ["家", "count"],
    ["个", "count"],
    ["人", "count"],
    ["万人次", "count"],
    ["分", "score"],
    ["", "other"],
    ["公里", "other"],
    ["％", "percent"],
  ] as const)("unitKind(%j) = %s", (unit, kind) => expect(unitKind(unit)).toBe(kind));

  it("gives the number as an exact decimal", () => {
    expect(targetNumber(parseTarget(">=95.00%"))?.toString()).toBe("95");
    expect(targetNumber(parseTarget("=0.10%"))?.plus("0.20").toFixed(2)).toBe("0.30");
    expect(targetNumber(parseTarget("≥12345678901234567890.123456789元"))?.toFixed()).toBe(
      "12345678901234567890.123456789",
    );
    expect(targetNumber(parseTarget("明显提升"))).toBeNull();
    expect(targetNumber(parseTarget("=0.00健全"))).toBeNull();
  });

  it("calls only % a percentage", () => {
    expect(isPercent(parseTarget(">=95%"))).toBe(true);
    expect(isPercent(parseTarget("≥９５％"))).toBe(true);
    expect(isPercent(parseTarget("=10"))).toBe(false);
    expect(isPercent(parseTarget("≥5个百分点"))).toBe(false);
    expect(isPercent(parseTarget("明显提升"))).toBe(false);
  });
});

describe("printTarget", () => {
  it("prints the canonical form", () => {
    expect(printTarget(parseTarget("≥ ９５ ％"))).toBe(">=95%");
    expect(printTarget(parseTarget("95%及以上"))).toBe(">=95%");
    expect(printTarget(parseTarget("不超过1,000元"))).toBe("<=1000元");
    expect(printTarget(parseTarget(" 明显提升 "))).toBe("明显提升");
    expect(printTarget(parseTarget("=0.00健全"))).toBe("=0.00健全");
  });

  const stable = (raw: string) => {
    const once = printTarget(parseTarget(raw));
    const reparsed = parseTarget(once);
    expect(printTarget(reparsed)).toBe(once);
    expect(reparsed.kind).toBe(parseTarget(raw).kind);
  };

  it("is stable on the fixture and hand-picked inputs", () => {
    for (const raw of [
      ...fixtureTargets(),
      "≥９５％以上",
      "不少于 1,000 人次",
      "≥.5%",
      " 有效 ",
      "≤80元/人·天",
      "≥=5次",
    ])
      stable(raw);
  });

  const targetAlphabet = fc.constantFrom(
    ..."0123456789０９.,，-+ %％=<>≥≤＞＜＝⩾⩽次个月份年天元万人/本分以上下内及含()（）健全明显提升大于等于不低超过至少 \t".split(
      "",
    ),
    "大于等于",
    "不低于",
    "以上",
    "以内",
    "个月",
    "元/本",
  );
  const targetLike = fc.array(targetAlphabet, { maxLength: 12 }).map((parts) => parts.join(""));
  const anyText = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), targetLike);

  it("never throws, always keeps raw, always satisfies the schema (unless the raw text itself is refused)", () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const t: Target = parseTarget(raw);
        expect(t.raw).toBe(raw);
        // A NUL or a lone surrogate is refused as text whatever the parse (text-hygiene.ts).
        expect(targetSchema.safeParse(t).success).toBe(textProblem(raw) === null);
        if (t.kind === "quantitative") expect(() => targetNumber(t)).not.toThrow();
      }),
      { numRuns: 3000 },
    );
  });

  it("print∘parse is stable for every input", () => {
    fc.assert(fc.property(anyText, stable), { numRuns: 3000 });
  });
});
