import { describe, expect, it } from "vitest";
import { checkDisclosure } from "./engine";
import { isBlocked, submitBlockers } from "./submit-gate";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";

describe("what blocks submission", () => {
  it("the fixture: its error findings, and every warning until it is explained", () => {
    const findings = checkDisclosure(sanhe2020());
    const blockers = submitBlockers(findings, []);
    expect(blockers.errors.map((f) => f.rule)).toEqual([
      "indicator.target-readable",
      "indicator.target-readable",
      "indicator.target-readable",
    ]);
    expect(blockers.unexplained.length).toBe(findings.filter((f) => f.severity === "warning").length);
    expect(blockers.unexplained.length).toBeGreaterThan(0);
    // Information findings never block.
    expect([...blockers.errors, ...blockers.unexplained].some((f) => f.severity === "info")).toBe(false);
  });

  it("an explained warning no longer blocks; a blank explanation does not count", () => {
    const d = sanhe2020();
    d.performance.projects = [];
    d.operatingExpenses.amount = "1200.00";
    const findings = checkDisclosure(d);
    const warning = findings.find((f) => f.rule === "plausibility.operating-within-basic")!;
    expect(isBlocked(submitBlockers(findings, [{ ruleId: warning.rule, path: warning.path, explanation: "  " }]))).toBe(
      true,
    );
    const rest = submitBlockers(findings, [
      { ruleId: warning.rule, path: warning.path, explanation: "含一次性搬迁费用" },
    ]);
    expect(rest.unexplained).not.toContainEqual(warning);
  });
});
