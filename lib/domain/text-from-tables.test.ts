import { describe, expect, it } from "vitest";
import { sanhe2020WithTables } from "./__fixtures__/sanhe-2020-tables";
import { sanhe2020 } from "./__fixtures__/sanhe-2020";
import { boundFigures, fillFromTables, followTables } from "./text-from-tables";
import { checkDisclosure } from "../rules/engine";

const textErrors = (d: ReturnType<typeof sanhe2020>) =>
  checkDisclosure(d).filter((f) => f.rule === "tables.text-figure" || f.rule === "tables.project-amount");

describe("the text read from the tables", () => {
  it("gives every bound figure of the demo as its text states it", () => {
    const d = sanhe2020WithTables();
    const figures = boundFigures(d);
    expect(figures.find((f) => f.path === "budget.income.total")?.amount).toBe("2765.39");
    expect(figures.find((f) => f.path === "operatingExpenses.amount")?.amount).toBe("99.99");
    expect(figures.filter((f) => f.path.startsWith("performance.projects"))).toHaveLength(13);
    expect(boundFigures(sanhe2020())).toEqual([]);
  });

  it("fills a new draft's blank figures and keeps the stated ones", () => {
    const d = sanhe2020WithTables();
    d.budget.expenditure.basic = null;
    d.threePublic.current.reception = "1.00";
    d.performance.projects[0].amount = null;
    const { disclosure, filled } = fillFromTables(d);
    expect(disclosure.budget.expenditure.basic).toBe("1162.43");
    expect(disclosure.threePublic.current.reception).toBe("1.00");
    expect(disclosure.performance.projects[0].amount).toBe("120.00");
    expect(filled.map((f) => f.path)).toEqual(["budget.expenditure.basic", "performance.projects[0].amount"]);
    expect(d.budget.expenditure.basic).toBeNull();
  });

  it("makes a figure that agreed with a table follow its edit, and leaves one typed otherwise for the rules", () => {
    const before = sanhe2020WithTables();
    before.threePublic.current.outbound = "9.00";
    const after = structuredClone(before);
    const lines = after.tables!.threePublic.lines!;
    lines.reception.current = "170.00";
    lines.outbound.current = "2.00";
    const followed = followTables(before, after);
    expect(followed.threePublic.current.reception).toBe("170.00");
    expect(followed.threePublic.current.total).toBe("255.94");
    expect(followed.threePublic.current.outbound).toBe("9.00");
    expect(textErrors(followed).map((f) => [f.path, f.fix?.value])).toEqual([["threePublic.current.outbound", "2.00"]]);
  });

  it("follows a project's row into its 绩效目标表 amount, and changes nothing when the tables did not change", () => {
    const before = sanhe2020WithTables();
    const after = structuredClone(before);
    after.tables!.project.rows[1].amounts.generalPublicBudget = "20.00";
    after.tables!.expenditure.rows[1].amounts.project = "200.00";
    const followed = followTables(before, after);
    expect(followed.performance.projects[1].amount).toBe("20.00");
    expect(followed.budget.expenditure.project).toBe("1603.66");
    const same = { ...before };
    expect(followTables(before, same)).toBe(same);
  });
});
