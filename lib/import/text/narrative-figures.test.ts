import { describe, expect, it } from "vitest";
import { comparePaths } from "../../domain/paths";
import { findRule } from "../../rules/catalogue";
import { finding } from "../../rules/finding";
import { importDisclosure, importDisclosureText } from "./import-disclosure";
import { NARRATIVE_FIGURE_RULE } from "./narrative-figures";
import { sanhe2020Text } from "../../domain/__fixtures__/sanhe-2020";

const fixture = sanhe2020Text();

/** The text with `from` replaced by `to`; `from` must occur exactly once, so a case cannot miss. */
function replaced(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

// The fixture leaves the assets table's 资产总额 blank; this variant states it, as many departments do.
const EMPTY_TOTAL_ROW = "\t资产总额\n\t——\n\t\n";
const withAssetsTotal = (value: string) => replaced(fixture, EMPTY_TOTAL_ROW, `\t资产总额\n\t——\n\t${value}\n`);

describe("the untouched fixture", () => {
  it("states every figure it repeats the same way, so the rule finds nothing", () => {
    const result = importDisclosureText(fixture);
    expect(result.problems).toEqual([]);
    expect(result.findings).toEqual([]);
    // The agreements the rule relies on, as the fixture states them.
    const d = result.disclosure;
    expect(d.threePublic.current).toMatchObject({
      total: "252.89",
      vehiclePurchase: "53.94",
      vehicleOperation: "30.00",
    }); // 83.94 = 53.94 + 30
    expect(d.threePublic.priorYear.total).toBe("253.00"); // 252.89 + 0.11
    expect(d.budget.priorYear.total).toBe("2671.20"); // 2765.39 − 94.19
    expect(d.procurement.total).toBe("99.00"); // the sentence's 99万元
  });

  it("with the assets table's 资产总额 stated as 1153.01 still finds nothing", () => {
    const result = importDisclosureText(withAssetsTotal("1153.01"));
    expect(result.problems).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it("a repeated figure written in 元 or with full-width digits is the same figure", () => {
    const yuan = importDisclosureText(replaced(fixture, "安排政府采购预算99万元", "安排政府采购预算990000元"));
    expect(yuan.problems.map((p) => p.message)).toEqual(["金额“990000元”以元为单位，已换算为 99.00 万元"]);
    expect(yuan.findings).toEqual([]);
    const wide = importDisclosureText(
      replaced(fixture, "公务用车购置及运维费83.94万元", "公务用车购置及运维费８３.９４万元"),
    );
    expect(wide.findings).toEqual([]);
  });
});

type Case = { name: string; text: () => string; path: string; message: string; lines: string };

/** One figure changed at a time; each must fire exactly this rule, once, at the field. */
const cases: Case[] = [
  {
    name: "section 4: the combined vehicle figure against its parts",
    text: () => replaced(fixture, "公务用车购置及运维费83.94万元", "公务用车购置及运维费83.95万元"),
    path: "threePublic.current",
    message: "第四部分文字中公务用车购置及运维费 83.95 万元 ≠ 购置费 53.94 + 运维费 30.00 = 83.94 万元",
    lines: "第70行",
  },
  {
    name: "section 4: the stated total change against the items' changes",
    text: () => replaced(fixture, "与2019年相比减少0.11万元", "与2019年相比减少0.12万元"),
    path: "threePublic.priorYear.total",
    message:
      "第四部分文字中“三公”经费比上年减少 0.12 万元 ≠ 因公出国（境）费 0.00 + 公务用车购置费 +53.94 + 公务用车运维费 −3.00 + 公务接待费 −51.05 = −0.11 万元",
    lines: "第70行",
  },
  {
    name: "section 4: the combined vehicle change against its parts' changes",
    text: () => replaced(fixture, "公务用车购置及运维费增加50.94万元", "公务用车购置及运维费增加50.95万元"),
    path: "threePublic.priorYear",
    message: "第四部分文字中公务用车购置及运维费比上年增加 50.95 万元 ≠ 购置费 +53.94 + 运维费 −3.00 = +50.94 万元",
    lines: "第70行",
  },
  {
    name: "section 4: the purchase budget repeated in the reason",
    text: () => replaced(fixture, "故安排预算53.94万元", "故安排预算53.95万元"),
    path: "threePublic.current.vehiclePurchase",
    message: "第四部分文字中公务用车购置费 53.94 万元 ≠ 增减原因中安排购置公务用车的预算 53.95 万元",
    lines: "第70行",
  },
  {
    name: "section 6: the sentence's procurement budget against the table's 合计",
    text: () => replaced(fixture, "安排政府采购预算99万元", "安排政府采购预算99.5万元"),
    path: "procurement.total",
    message: "第六部分文字中政府采购预算 99.50 万元 ≠ 采购表“合计”行采购金额 99.00 万元",
    lines: "第1064行和第1105行",
  },
  {
    name: "section 7: the sentence's fixed assets against the table's 资产总额",
    text: () =>
      replaced(withAssetsTotal("1153.01"), "上年末固定资产金额为1153.01万元", "上年末固定资产金额为1153.10万元"),
    path: "assets.fixedAssetsTotal",
    message: "第七部分文字中上年末固定资产金额 1153.10 万元 ≠ 资产表“资产总额”行价值 1153.01 万元",
    lines: "第1182行和第1192行",
  },
  {
    name: "section 7: the table's 资产总额 against the sentence",
    text: () => withAssetsTotal("1135.01"),
    path: "assets.fixedAssetsTotal",
    message: "第七部分文字中上年末固定资产金额 1153.01 万元 ≠ 资产表“资产总额”行价值 1135.01 万元",
    lines: "第1182行和第1192行",
  },
  {
    name: "section 2: the 支出预算 total against the 收支安排 of the change paragraph",
    text: () => replaced(fixture, "2020年支出预算2765.39万元", "2020年支出预算2765.40万元"),
    path: "budget.expenditure.total",
    message: "第二部分“比上年增减变化情况”中收支安排 2765.39 万元 ≠ “支出说明”中支出预算 2765.40 万元",
    lines: "第62行和第66行",
  },
  {
    name: "section 2: the 收支安排 against the 支出预算 total",
    text: () => replaced(fixture, "预算收支安排2765.39万元", "预算收支安排2756.39万元"),
    path: "budget.expenditure.total",
    message: "第二部分“比上年增减变化情况”中收支安排 2756.39 万元 ≠ “支出说明”中支出预算 2765.39 万元",
    lines: "第62行和第66行",
  },
  {
    name: "section 2: the stated total change against basic + project changes",
    text: () => replaced(fixture, "较2019年预算增加94.19万元", "较2019年预算增加94.91万元"),
    path: "budget.priorYear.total",
    message:
      "第二部分“比上年增减变化情况”中收支安排比上年增加 94.91 万元 ≠ 基本支出 −201.83 + 项目支出 +296.02 = +94.19 万元",
    lines: "第66行",
  },
];

describe.each(cases)("$name", ({ text, path: at, message, lines }) => {
  it("fires this rule once, at the field, naming both figures and where each was stated", () => {
    const result = importDisclosureText(text());
    // Nothing went unread: the disagreement is a finding, not a problem.
    expect(result.problems).toEqual([]);
    expect(result.findings).toEqual([
      {
        rule: NARRATIVE_FIGURE_RULE,
        severity: "warning",
        path: at,
        message,
        hint: `请核对原文${lines}，改正写错的一处数字`,
      },
    ]);
    expect(finding.parse(result.findings[0])).toEqual(result.findings[0]);
  });
});

describe("the findings", () => {
  it("carry the catalogue's default severity for an import-only rule", () => {
    const rule = findRule(NARRATIVE_FIGURE_RULE);
    expect(rule).toMatchObject({ severity: "warning", importOnly: true });
    const result = importDisclosureText(cases[0].text());
    expect(result.findings[0].severity).toBe(rule?.severity);
  });

  it("come in path order when several figures disagree", () => {
    let text = replaced(fixture, "安排政府采购预算99万元", "安排政府采购预算98万元");
    text = replaced(text, "公务用车购置及运维费83.94万元", "公务用车购置及运维费84万元");
    text = replaced(text, "预算收支安排2765.39万元", "预算收支安排2765万元");
    const found = importDisclosureText(text).findings;
    expect(found.map((f) => f.path)).toEqual(["budget.expenditure.total", "threePublic.current", "procurement.total"]);
    expect([...found].sort((a, b) => comparePaths(a.path, b.path))).toEqual(found);
  });

  it("keep the figure each reader trusted: the table's procurement total, the sentence's assets total", () => {
    const procurement = importDisclosureText(cases[4].text()).disclosure;
    expect(procurement.procurement.total).toBe("99.00");
    const assets = importDisclosureText(cases[6].text()).disclosure;
    expect(assets.assets.fixedAssetsTotal).toBe("1153.01");
  });

  it("are none for canonical JSON, which states each figure once", () => {
    const json = importDisclosure(JSON.stringify(importDisclosureText(cases[0].text()).disclosure), "x.json");
    expect(json.readable).toBe(true);
    expect(json.findings).toEqual([]);
  });
});
