import type { Actor } from "@/lib/auth/actor";
import type { DisclosureState } from "@/lib/workflow/states";
import type { Disclosure } from "@/lib/domain/model";
import type { Db } from "./client";
import { createDisclosure, getDisclosureMeta } from "./queries/disclosures";
import { publishSnapshot } from "./queries/publishing";
import { addComment } from "./queries/review";
import { saveFiscalYear } from "./queries/settings";
import { returnDisclosure, transitionDisclosure } from "./queries/workflow";
import { demoDepartments } from "./seed/demo-departments";
import { syntheticDisclosure } from "./seed/synthetic";
import { sanhe2020 } from "@/lib/domain/__fixtures__/sanhe-2020";

/**
 * Disclosures in a chosen state for server-level tests of the workflow, reached through the real
 * steps by the people who take them (never by writing the state column). The content is the demo's
 * synthetic disclosure: every sum adds up and no warning is raised, so the findings guards pass
 * and a test can add the one problem it is about.
 */

export function cleanContent(fiscalYear = 2021): Disclosure {
  const content = syntheticDisclosure(sanhe2020(), demoDepartments[0], fiscalYear, "2021");
  // Each year's rows are that year's own (`2031年开展专项工作次数`): tests walk the same department
  // through year after year, and a table the same as last year's published one is itself a finding
  // (indicator.same-as-last-year) that a test of the workflow is not about.
  for (const project of content.performance.projects)
    for (const row of project.indicators) row.name = `${fiscalYear}年${row.name}`;
  return content;
}

export type Cast = { clerk: Actor; approver: Actor; admin: Actor };

/** The path of a state from a new draft: which steps, in order. */
const route: Record<DisclosureState, Array<"submit" | "startReview" | "return" | "approve" | "publish">> = {
  draft: [],
  submitted: ["submit"],
  in_review: ["submit", "startReview"],
  returned: ["submit", "startReview", "return"],
  approved: ["submit", "startReview", "approve"],
  published: ["submit", "startReview", "approve", "publish"],
};

/** A new disclosure of the department for `fiscalYear` (created on the 2021 framework if absent), walked to `state`. */
export async function disclosureIn(
  db: Db,
  cast: Cast,
  departmentId: string,
  state: DisclosureState,
  fiscalYear: number,
  content: Disclosure = cleanContent(fiscalYear),
): Promise<{ id: string; version: number }> {
  await saveFiscalYear(db, null, {
    year: fiscalYear,
    frameworkId: "2021",
    submissionDeadline: `${fiscalYear}-01-31`,
    status: "open",
  });
  const { id } = await createDisclosure(db, cast.clerk, { departmentId, fiscalYear, content });
  let version = (await getDisclosureMeta(db, cast.admin, id)).version;
  for (const step of route[state]) {
    if (step === "return") {
      await addComment(db, cast.approver, id, { anchorPath: "budget.income.total", body: "收入合计请与批复核对。" });
      ({ version } = await returnDisclosure(db, cast.approver, id, {
        expectedVersion: version,
        reasonCode: "inconsistent-data",
      }));
    } else if (step === "publish") {
      ({ version } = await publishSnapshot(db, cast.admin, id, { expectedVersion: version, files: [] }));
    } else {
      ({ version } = await transitionDisclosure(db, step === "submit" ? cast.clerk : cast.approver, id, step, {
        expectedVersion: version,
      }));
    }
  }
  return { id, version };
}
