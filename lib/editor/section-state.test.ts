import { describe, expect, it } from "vitest";
import { emptyDisclosure, type Disclosure } from "../domain/model";
import { checkDisclosure } from "../rules/engine";
import { explanationIndex, explanationOf } from "../rules/submit-gate";
import { sectionOfPath, sectionStatuses, type SectionState } from "./section-state";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";

const stateOf = (d: Disclosure, opts: Parameters<typeof sectionStatuses>[2] = {}) =>
  Object.fromEntries(sectionStatuses(d, checkDisclosure(d), opts).map((s) => [s.id, s.state])) as Record<
    string,
    SectionState
  >;

describe("section states", () => {
  it("a blank draft is empty everywhere, though every required figure is an error finding", () => {
    const blank = emptyDisclosure({ code: "420", name: "三河市某局" }, 2021, "2021");
    expect(checkDisclosure(blank).some((f) => f.severity === "error")).toBe(true);
    expect(new Set(Object.values(stateOf(blank)))).toEqual(new Set(["empty"]));
  });

  it("the fixture: sections without findings are complete, the indicators' errors mark 五", () => {
    const states = stateOf(sanhe2020());
    expect(states).toMatchObject({
      organisation: "complete",
      budget: "complete",
      operatingExpenses: "complete",
      threePublic: "complete",
      performance: "errors",
      procurement: "complete",
      assets: "complete",
      glossary: "complete",
      otherMatters: "complete",
    });
  });

  it("a total that does not add up is an error; a figure merely missing is work in progress", () => {
    const d = sanhe2020();
    d.budget.income.total = "2765.40";
    expect(stateOf(d).budget).toBe("errors");
    const partly = sanhe2020();
    partly.budget.expenditure.project = null;
    partly.budget.expenditure.total = null;
    partly.budget.income.total = null;
    const findings = checkDisclosure(partly).filter((f) => f.path.startsWith("budget"));
    expect(findings.map((f) => f.rule)).toContain("budget.required");
    expect(stateOf(partly).budget).toBe("in-progress");
  });

  it("an input that could not be read is an error in its section, even before anything valid is typed", () => {
    const blank = emptyDisclosure({ code: "420", name: "三河市某局" }, 2021, "2021");
    expect(stateOf(blank, { invalidPaths: ["threePublic.current.reception"] }).threePublic).toBe("errors");
  });

  it("a warning keeps its section in progress until it is explained", () => {
    const d = sanhe2020();
    d.operatingExpenses.amount = "1200.00"; // more than the basic expenditure: a warning, not an error
    const findings = checkDisclosure(d);
    const warning = findings.find((f) => f.rule === "plausibility.operating-within-basic")!;
    expect(warning.severity).toBe("warning");
    expect(sectionStatuses(d, findings).find((s) => s.id === "operatingExpenses")).toMatchObject({
      state: "in-progress",
      warnings: 1,
      unexplained: 1,
    });
    const index = explanationIndex([{ ruleId: warning.rule, path: warning.path, explanation: "含一次性搬迁费用" }]);
    const explained = sectionStatuses(d, findings, { isExplained: (f) => explanationOf(index, f) !== undefined });
    expect(explained.find((s) => s.id === "operatingExpenses")).toMatchObject({
      state: "complete",
      warnings: 1,
      unexplained: 0,
    });
  });

  it("the title and preamble count with section 一, where they are edited", () => {
    expect(sectionOfPath("title")).toBe("organisation");
    expect(sectionOfPath("preamble")).toBe("organisation");
    expect(sectionOfPath("performance.projects[2].indicators[6].target")).toBe("performance");
    expect(sectionOfPath("threePublic.changeReasons.vehicles")).toBe("threePublic");
  });
});
