import { describe, expect, it } from "vitest";
import { sanhe2020, sanhe2020Text } from "../domain/__fixtures__/sanhe-2020";
import type { Disclosure } from "../domain/model";
import { exampleDisclosure } from "./__fixtures__/example-disclosure";
import {
  assetsSentence,
  budgetChangeSentence,
  budgetIntroSentence,
  changePhrase,
  change,
  expenditureSentence,
  incomeSentence,
  operatingExpensesSentence,
  procurementSentence,
  threePublicSentence,
  wan,
} from "./narrative";

/**
 * The generated sentences against the fixture's own text, line for line, from the importer's
 * golden JSON of that fixture: the fields a clerk would have typed.
 */
const golden = sanhe2020();
const fixture = sanhe2020Text().split("\n");
const line = (start: string) => {
  const found = fixture.find((l) => l.startsWith(start));
  if (!found) throw new Error(`fixture has no line starting ${start}`);
  return found;
};

const d = exampleDisclosure;
const edit = (patch: (d: Disclosure) => void): Disclosure => {
  const copy = structuredClone(d);
  patch(copy);
  return copy;
};

describe("sentences of the 2020 三河 fixture, from its golden JSON", () => {
  const g = golden;
  it("二、intro", () => expect(budgetIntroSentence(g)).toBe(line("按照预算管理有关规定")));
  it("二、1、收入说明", () => expect(incomeSentence(g)).toBe(line("反映本部门当年全部收入")));
  it("二、2、支出说明", () => expect(expenditureSentence(g)).toBe(line("收支预算总表支出栏")));

  it("二、3、比上年增减变化情况", () => {
    // Word for word but for the fixture's doubled full stop ("资金。。"): the stop belongs to the
    // sentence, which the app writes, not to the reason the clerk types (lib/domain/spec/domain.md).
    expect(budgetChangeSentence(g)).toBe(line("2020年预算收支安排").replace(/。。$/, "。"));
    expect(budgetChangeSentence(d)).toBe(budgetChangeSentence(g));
  });

  it("三、机关运行经费", () => expect(operatingExpensesSentence(g)).toBe(line("2020年，我部门机关运行经费")));

  it("四、“三公”经费", () => {
    const expected = line("2020年，我部门财政拨款“三公”经费")
      // The fixture opens both vehicle brackets full-width and closes them half-width: "（其中：…)".
      .replaceAll("万元)", "万元）")
      // It writes an unchanged figure as "增加0万元"; the generated text says 持平.
      .replace("因公出国（境）费增加0万元", "因公出国（境）费持平");
    expect(threePublicSentence(g)).toBe(expected);
  });

  it("六、政府采购", () => expect(procurementSentence(g)).toBe(line("2020年，我部门安排政府采购预算")));
  it("七、国有资产", () => expect(assetsSentence(g)).toBe(line("三河市人民政府办公室（含所属单位）")));
});

describe("changes are computed exactly and phrased by sign", () => {
  it("current − prior in decimals", () => {
    expect(change("252.89", "253.00")?.toFixed(2)).toBe("-0.11");
    expect(change("0.30", "0.10")?.toFixed(2)).toBe("0.20");
    expect(change(null, "1.00")).toBeNull();
  });

  it("增加 / 减少 / 持平", () => {
    expect(changePhrase(change("1602.96", "1306.94"))).toBe("增加296.02万元");
    expect(changePhrase(change("30.00", "33.00"))).toBe("减少3万元");
    expect(changePhrase(change("0.00", "0.00"))).toBe("持平");
  });

  it("an unknown figure prints as a blank to fill, never as 0", () => {
    expect(wan(null)).toBe("____万元");
    expect(changePhrase(null)).toBe("增减____万元");
  });
});

describe("the natural variant where the data differs from the fixture", () => {
  it("a budget that fell, with reasons typed without a lead-in", () => {
    const fell = edit((x) => {
      x.budget.priorYear = { total: "2865.39", basic: "1162.43", project: "1702.96" };
      x.budget.changeReasons = { basic: "", project: "压减一般性支出" };
    });
    expect(budgetChangeSentence(fell)).toBe(
      "2020年预算收支安排2765.39万元，较2019年预算减少100万元，其中：基本支出持平；项目支出减少100万元，主要为压减一般性支出。",
    );
  });

  it("a budget unchanged in total", () => {
    const same = edit((x) => {
      x.budget.priorYear.total = "2765.39";
    });
    expect(budgetChangeSentence(same)).toMatch(/^2020年预算收支安排2765.39万元，与2019年预算持平，其中：/);
  });

  it("三公 that rose overall and a reason that ends its own sentence keeps its stop", () => {
    const rose = edit((x) => {
      x.threePublic.priorYear = {
        total: "200.00",
        outbound: "1.50",
        vehiclePurchase: "0.00",
        vehicleOperation: "30.00",
        reception: "168.50",
      };
      x.threePublic.changeReasons = { outbound: "取消出访计划。", vehicles: "更新车辆", reception: "" };
    });
    const s = threePublicSentence(rose);
    expect(s).toContain(
      "与2019年相比增加52.89万元，其中因公出国（境）费减少1.5万元，主要原因是取消出访计划。公务用车购置及运维费增加53.94万元",
    );
    expect(s).toContain(
      "（其中：公务用车购置费增加53.94万元，公务用车运行费持平），主要原因是更新车辆；公务接待费增加0.45万元。",
    );
  });

  it("no procurement, no planned purchase", () => {
    const none = edit((x) => {
      x.procurement = { total: "0.00", items: [] };
      x.assets.plannedPurchase = "0.00";
    });
    expect(procurementSentence(none)).toBe("2020年，我部门未安排政府采购预算。");
    expect(assetsSentence(none)).toBe(
      "三河市人民政府办公室（含所属单位）上年末固定资产金额为1153.01万元，本年度我部门未安排购置固定资产。详见下表。",
    );
  });

  it("highlights that already end in 等 are not doubled", () => {
    const withDeng = edit((x) => {
      x.budget.expenditure.projectHighlights = "市志编纂业务费等";
    });
    expect(expenditureSentence(withDeng)).toContain("主要为市志编纂业务费等；其他支出0万元。");
  });
});
