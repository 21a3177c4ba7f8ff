import { expect, test } from "vitest";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";
import { checkDisclosure } from "../rules/engine";
import { withFix } from "./apply-fix";

test("a fix at a 指标值 is stored read, as the grid stores a typed cell, and clears its finding", () => {
  const d = sanhe2020();
  const path = "performance.projects[2].indicators[8].target";
  const finding = checkDisclosure(d).find((f) => f.path === path && f.rule === "indicator.target-readable");
  expect(finding?.fix).toEqual({ label: "改为定性“健全”", value: "健全" });
  const fixed = withFix(d, path, finding!.fix!.value);
  expect(fixed.performance.projects[2].indicators[8].target).toEqual({
    raw: "健全",
    kind: "qualitative",
    text: "健全",
  });
  expect(checkDisclosure(fixed).filter((f) => f.path === path)).toEqual([]);
});

test("any other fix is the value itself", () => {
  const d = sanhe2020();
  expect(withFix(d, "performance.projects[0].amount", "120.00").performance.projects[0].amount).toBe("120.00");
});
