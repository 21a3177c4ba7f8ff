import type { Db } from "@/db/client";
import { createDisclosure } from "@/db/queries/disclosures";
import { createDepartment, createGroup } from "@/db/queries/departments";
import { saveFiscalYear } from "@/db/queries/settings";
import { createUser, loadActor } from "@/db/queries/users";
import type { Actor } from "@/lib/auth/actor";
import { buildPerformanceExamples, type PerformanceExamples } from "./performance-examples";
import { buildPublicationExamples, type PublicationExamples } from "./publication-examples";
import { buildReviewExamples, type ReviewExamples } from "./review-examples";
import { sanhe2020 } from "@/lib/domain/__fixtures__/sanhe-2020";

/**
 * What every operation is tried on, in the registry's matrix and the server-level tests: built
 * through the db queries (not the demo seed, so the tests say what they rely on), with an "own"
 * side and an "other" side: two desks, each reviewing one department; a clerk and an approver on
 * each side; an admin; a draft of department 434 for 2020; a spare clerk for tests that change a
 * user; and disclosures in each state an operation starts from. (db/test-org.ts is the smaller
 * organisation the query tests share.)
 */
export type OperationWorld = {
  password: string;
  departments: { own: string; other: string };
  /** The desks (审核科室) reviewing the own and the other department. */
  desks: { own: string; other: string };
  actors: { clerk: Actor; otherClerk: Actor; approver: Actor; otherApprover: Actor; admin: Actor; spareClerk: Actor };
  usernames: {
    clerk: string;
    otherClerk: string;
    approver: string;
    otherApprover: string;
    admin: string;
    spareClerk: string;
  };
  draftId: string;
  readyDraftId: string;
  /** Disclosures in the states the review operations start from (./review-examples.ts). */
  review: ReviewExamples;
  /** What the publication and export operations start from (./publication-examples.ts). */
  publication: PublicationExamples;
  /**
   * The performance cycle's reports in the states its operations start from
   * (./performance-examples.ts): built only for the registry's matrix, which needs them (three more
   * published years, a minute of a loaded machine, that the other users of the world need not wait for).
   */
  performance?: PerformanceExamples;
};

export const WORLD_PASSWORD = "test-password-不可猜";

export async function buildOperationWorld(db: Db, options: { performance?: boolean } = {}): Promise<OperationWorld> {
  const deskA = await createGroup(db, null, "一科");
  const deskB = await createGroup(db, null, "二科");
  const own = await createDepartment(db, null, { code: "434", name: "三河市人民政府办公室", groupId: deskA.id });
  const other = await createDepartment(db, null, { code: "501", name: "三河市财政局", groupId: deskB.id });
  await saveFiscalYear(db, null, { year: 2020, frameworkId: "2020", submissionDeadline: "2020-01-31", status: "open" });

  const usernames = {
    clerk: "clerk-a",
    otherClerk: "clerk-b",
    approver: "approver-a",
    otherApprover: "approver-b",
    admin: "admin-1",
    spareClerk: "clerk-spare",
  };
  const make = async (
    username: string,
    role: Actor["role"],
    scope: { departmentIds?: string[]; groupIds?: string[] } = {},
  ) => {
    const user = await createUser(db, null, {
      username,
      displayName: username,
      role,
      password: WORLD_PASSWORD,
      mustChangePassword: false,
      ...scope,
    });
    const actor = await loadActor(db, user.id);
    if (!actor) throw new Error(`test world: ${username} did not load`);
    return actor;
  };
  const actors = {
    clerk: await make(usernames.clerk, "clerk", { departmentIds: [own.id] }),
    otherClerk: await make(usernames.otherClerk, "clerk", { departmentIds: [other.id] }),
    approver: await make(usernames.approver, "approver", { groupIds: [deskA.id] }),
    otherApprover: await make(usernames.otherApprover, "approver", { groupIds: [deskB.id] }),
    admin: await make(usernames.admin, "admin"),
    spareClerk: await make(usernames.spareClerk, "clerk", { departmentIds: [own.id] }),
  };
  const draft = await createDisclosure(db, actors.clerk, { departmentId: own.id, fiscalYear: 2020 });
  await saveFiscalYear(db, null, { year: 2021, frameworkId: "2021", submissionDeadline: "2021-01-31", status: "open" });
  const fixture = sanhe2020();
  const ready = await createDisclosure(db, actors.clerk, {
    departmentId: own.id,
    fiscalYear: 2021,
    content: { ...fixture, performance: { ...fixture.performance, projects: [] } },
  });
  // Open years nobody has started: the registry's examples start one and upload a file for the other.
  for (const year of [2022, 2023])
    await saveFiscalYear(db, null, { year, frameworkId: "2021", submissionDeadline: null, status: "open" });
  const review = await buildReviewExamples(db, actors, own.id);
  const publication = await buildPublicationExamples(db, actors, own.id);
  const performance = options.performance ? await buildPerformanceExamples(db, actors, own.id) : undefined;
  return {
    password: WORLD_PASSWORD,
    departments: { own: own.id, other: other.id },
    desks: { own: deskA.id, other: deskB.id },
    actors,
    usernames,
    draftId: draft.id,
    readyDraftId: ready.id,
    review,
    publication,
    performance,
  };
}
