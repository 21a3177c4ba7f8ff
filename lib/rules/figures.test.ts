import { describe, expect, test } from "vitest";
import { emptyDisclosure } from "../domain/model";
import { checkDisclosure } from "./engine";
import { only, ruleAndPath } from "./__fixtures__/edit";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";

/** The sum rules beyond their one firing case: absent figures, exactness, long tables. */

describe("absent figures", () => {
  test("an absent addend counts as zero and is named 未填, with a hint", () => {
    const d = sanhe2020();
    d.budget.expenditure.other = null;
    d.budget.expenditure.project = "1602.95";
    const [f] = only(checkDisclosure(d), "budget.expenditure-sum");
    expect(f.message).toBe("支出合计 2765.39 ≠ 基本支出 1162.43 + 项目支出 1602.95 + 其他支出 未填 = 2765.38");
    expect(f.hint).toBe("差额 0.01 万元（合计多）；其他支出未填，按 0 计");
  });

  test("an absent addend that changes nothing is no finding (the fixture's empty equipment row)", () => {
    const d = sanhe2020();
    d.budget.expenditure.other = null;
    expect(only(checkDisclosure(d), "budget.expenditure-sum")).toEqual([]);
  });

  test("an absent required total is its own finding and the sum says nothing", () => {
    const d = sanhe2020();
    d.budget.expenditure.total = null;
    const found = checkDisclosure(d).filter((f) => f.path === "budget.expenditure.total");
    expect(found.map((f) => [f.rule, f.severity, f.message])).toEqual([["budget.required", "error", "请填写支出合计"]]);
  });

  test("a blank disclosure gives 请填写 errors, not sums of nothing, and does not throw", () => {
    const d = emptyDisclosure({ code: "434", name: "三河市人民政府办公室" }, 2021, "2021");
    const found = checkDisclosure(d);
    expect(found.filter((f) => /-sum$|\.total$|balance/.test(f.rule))).toEqual([]);
    expect(found.every((f) => !/null|NaN|undefined/.test(f.message))).toBe(true);
    expect(found.filter((f) => f.rule.endsWith(".required")).map((f) => f.path)).toEqual([
      "budget.income.total",
      "budget.expenditure.total",
      "budget.expenditure.basic",
      "budget.expenditure.personnel",
      "budget.expenditure.publicOperating",
      "budget.expenditure.project",
      "budget.priorYear.total",
      "budget.priorYear.basic",
      "budget.priorYear.project",
      "operatingExpenses.amount",
      "threePublic.current.total",
      "threePublic.priorYear.total",
      "procurement.total",
      "assets.fixedAssetsTotal",
    ]);
  });

  test("a total stated against an empty table is a mismatch, not a pass", () => {
    const d = sanhe2020();
    d.assets.buildings.value = null;
    d.assets.vehicles.value = null;
    d.assets.other.value = null;
    const [f] = only(checkDisclosure(d), "assets.total");
    expect(f.message).toBe(
      "固定资产总额 1153.01 ≠ 房屋 未填 + 车辆 未填 + 单价20万元以上设备 未填 + 其他固定资产 未填 = 0.00",
    );
  });
});

describe("exact money", () => {
  test("3 × 17.98 = 53.94 exactly, 29 × 0.90 = 26.10, 12 × 1.58 = 18.96", () => {
    expect(only(checkDisclosure(sanhe2020()), "procurement.line-amount")).toEqual([]);
  });

  test("a cent off is a finding, and a rounded unit price is pointed out", () => {
    const d = sanhe2020();
    d.procurement.items[0].amount = "53.95";
    d.procurement.items[0].funding.generalPublicBudget = "53.95";
    d.procurement.total = "99.01";
    const found = checkDisclosure(d);
    expect(found.filter((f) => f.rule.startsWith("procurement.")).map(ruleAndPath)).toEqual([
      "procurement.line-amount @ procurement.items[0].amount",
    ]);
    expect(only(found, "procurement.line-amount")[0].hint).toMatch(/四舍五入/);
  });

  test("sums that a float would get wrong are right: 0.10 + 0.20 = 0.30", () => {
    const d = sanhe2020();
    Object.assign(d.threePublic.current, {
      total: "0.30",
      outbound: "0.10",
      vehiclePurchase: "0.20",
      vehicleOperation: "0.00",
      reception: "0.00",
    });
    d.threePublic.changeReasons = { outbound: "x", vehicles: "x", reception: "x" };
    expect(only(checkDisclosure(d), "three-public.sum")).toEqual([]);
  });
});

describe("changes against last year", () => {
  test("no reason is needed for a change of zero", () => {
    const d = sanhe2020();
    d.budget.priorYear = { total: "2765.39", basic: "1162.43", project: "1602.96" };
    d.budget.changeReasons = { basic: "", project: "" };
    expect(only(checkDisclosure(d), "budget.change-reason")).toEqual([]);
  });

  test("三公: an unchanged 出国（境）费 needs no reason; a changed 接待费 does", () => {
    const d = sanhe2020();
    d.threePublic.changeReasons = { outbound: "", vehicles: "说明", reception: "" };
    expect(only(checkDisclosure(d), "three-public.change-reason").map((f) => f.message)).toEqual([
      "公务接待费较上年减少 51.05（168.95 − 220.00），请说明增减原因",
    ]);
  });
});

describe("procurement table", () => {
  test("a long table names the sum instead of listing forty lines", () => {
    const d = sanhe2020();
    const line = d.procurement.items[1];
    d.procurement.items = Array.from({ length: 40 }, () => structuredClone(line));
    d.procurement.total = "1044.01";
    const [f] = only(checkDisclosure(d), "procurement.total");
    expect(f.message).toBe("政府采购预算总额 1044.01 ≠ 40 行采购金额之和 = 1044.00");
  });

  test("a total above zero with no lines is reported; 0.00 with no lines is fine", () => {
    const d = sanhe2020();
    d.procurement.items = [];
    expect(only(checkDisclosure(d), "procurement.total").map((f) => f.message)).toEqual([
      "政府采购预算总额 99.00，但采购明细表没有任何一行",
    ]);
    d.procurement.total = "0.00";
    expect(only(checkDisclosure(d), "procurement.total")).toEqual([]);
  });

  test("a line without quantity or price has nothing to multiply", () => {
    const d = sanhe2020();
    d.procurement.items[0].quantity = null;
    expect(only(checkDisclosure(d), "procurement.line-amount")).toEqual([]);
  });
});

describe("assets", () => {
  test("offices larger than the buildings they are part of, by area", () => {
    const d = sanhe2020();
    d.assets.officeBuildings.area = "6900.00";
    expect(only(checkDisclosure(d), "assets.offices-within-buildings").map((f) => [f.path, f.message])).toEqual([
      ["assets.officeBuildings.area", "办公用房面积 6900.00 平方米 > 房屋面积 6841.88 平方米"],
    ]);
  });
});
