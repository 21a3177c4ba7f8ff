import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { interactive } from "./accounts";

/**
 * Accessibility (issue 18, point 9): axe-core's WCAG 2.1 AA rules on a page as a person has it. The
 * pages are checked where the specs already stand on them, in the state they test (a validation
 * error shown, a preview read): e2e/a11y.spec.ts walks the rest.
 */

const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Runs axe on the page as it is and fails with one line per violation: rule, impact, the elements. */
export async function expectNoViolations(page: Page, what: string): Promise<void> {
  await interactive(page);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  const report = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes
        .slice(0, 8)
        .map((n) => `    ${n.target.join(" ")}  ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`)
        .join("\n")}${v.nodes.length > 8 ? `\n    … ${v.nodes.length - 8} more` : ""}`,
  );
  expect.soft(report, `${what} (${page.url()}):\n${report.join("\n")}`).toEqual([]);
}
