import { describe, expect, it } from "vitest";
import { budget, disclosure, procurement } from "../domain/model";
import { keepValid } from "./keep-valid";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";

describe("keepValid", () => {
  const section = disclosure.pick({ budget: true });

  it("passes readable input through", () => {
    const d = sanhe2020();
    const typed = { budget: { ...d.budget, income: { ...d.budget.income, total: "2800.00" } } };
    expect(keepValid(section, typed, { budget: d.budget })).toEqual({ value: typed, invalid: {} });
  });

  it("keeps the last accepted value in the draft and reports the typed text by canonical path", () => {
    const d = sanhe2020();
    const typed = { budget: { ...d.budget, income: { ...d.budget.income, total: "27６5.3x", other: "abc" } } };
    const kept = keepValid(section, typed, { budget: d.budget });
    expect(kept.value.budget.income).toEqual(d.budget.income);
    expect(kept.invalid).toEqual({ "budget.income.total": "27６5.3x", "budget.income.other": "abc" });
    expect(budget.safeParse(kept.value.budget).success).toBe(true);
  });

  it("a new row with an unreadable figure is kept with that figure empty", () => {
    const d = sanhe2020();
    const row = { ...d.procurement.items[0], unitPrice: "十七" };
    const kept = keepValid(
      disclosure.pick({ procurement: true }),
      { procurement: { ...d.procurement, items: [...d.procurement.items, row] } },
      { procurement: d.procurement },
    );
    expect(kept.value.procurement.items).toHaveLength(4);
    expect(kept.value.procurement.items[3].unitPrice).toBeNull();
    expect(kept.invalid).toEqual({ "procurement.items[3].unitPrice": "十七" });
    expect(procurement.safeParse(kept.value.procurement).success).toBe(true);
  });
});
