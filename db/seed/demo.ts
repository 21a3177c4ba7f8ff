import type { Actor, Role } from "@/lib/auth/actor";
import { generatePassword } from "@/lib/auth/password";
import { carryForward } from "@/lib/domain/carry-forward";
import { findFramework } from "@/lib/domain/frameworks";
import { bundleFormats, renderBundle } from "@/lib/export/bundle";
import { renderPortalPage } from "@/lib/render/portal-page";
import { PdfPrinter } from "@/lib/export/pdf";
import { opsMessages } from "@/lib/i18n/zh-CN/ops";
import { importDisclosureText } from "@/lib/import/text/import-disclosure";
import type { Db } from "../client";
import { createDepartment, createGroup } from "../queries/departments";
import { createDisclosure, loadEditableDisclosure } from "../queries/disclosures";
import { publishSnapshot } from "../queries/publishing";
import { addComment } from "../queries/review";
import { saveFiscalYear } from "../queries/settings";
import { createUser, findUserByUsername, loadActor } from "../queries/users";
import {
  returnDisclosure,
  transitionDisclosure,
  type FindingsWaiver,
  type PlainStep,
  type WorkflowStep,
} from "../queries/workflow";
import { demoDepartments } from "./demo-departments";
import { syntheticDisclosure } from "./synthetic";
import { sanhe2020Bytes } from "@/lib/domain/__fixtures__/sanhe-2020";
import { sanhe2020Tables } from "@/lib/domain/__fixtures__/sanhe-2020-tables";
import { withBudgetTables } from "@/lib/import/budget-tables";
import { loadClassificationCatalogue } from "../queries/classification";
import { seedPerformanceDemo } from "./performance";

export type DemoAccount = { username: string; password: string; role: Role; note: string };

const OFFICE = { code: "434", name: "三河市人民政府办公室" } as const;

type AccountPlan = {
  username: string;
  role: Role;
  displayName: string;
  note: string;
  departments?: string[];
  desks?: ("一科" | "二科")[];
};

const accountPlans: AccountPlan[] = [
  { username: "admin", role: "admin", displayName: "系统管理员", note: "系统管理员：用户、年度、发布" },
  {
    username: "approver",
    role: "approver",
    displayName: "王审核（一科）",
    note: "财政局一科：434、402、405",
    desks: ["一科"],
  },
  {
    username: "approver2",
    role: "approver",
    displayName: "李审核（二科）",
    note: "财政局二科：411、418、420",
    desks: ["二科"],
  },
  {
    username: "clerk",
    role: "clerk",
    displayName: "张填报（政府办）",
    note: "434 三河市人民政府办公室",
    departments: ["434"],
  },
  {
    username: "clerk2",
    role: "clerk",
    displayName: "赵填报（卫健局）",
    note: "411 三河市卫生健康局",
    departments: ["411"],
  },
  ...demoDepartments
    .filter((d) => d.code !== "411")
    .map(
      (d): AccountPlan => ({
        username: `clerk${d.code}`,
        role: "clerk",
        displayName: `${d.name}填报员`,
        note: `${d.code} ${d.name}`,
        departments: [d.code],
      }),
    ),
];

/** Every demo username, for the demo command to refresh their passwords on a later run. */
export const demoAccountNames = accountPlans.map((a) => a.username);

/** Where each demo department's 2021 disclosure is left, and who moves it there. */
const demoStates: Record<string, WorkflowStep[]> = {
  "402": ["submit"],
  "405": ["submit", "startReview"],
  "411": ["submit", "startReview", "return"],
  "418": ["submit", "startReview", "approve"],
  "420": [],
};

/**
 * The demo: the real 2020 disclosure of 三河市人民政府办公室 (read by the importer) published, its
 * 2021 draft carried forward, and five more departments' 2021 disclosures in every state before
 * publication. Refuses to run twice (passwords are stored only as hashes, so a second run could
 * not report them); DEMO_PASSWORD gives every account that password instead of a random one.
 */
export async function seedDemo(db: Db): Promise<{ accounts: DemoAccount[]; importProblems: string[] }> {
  if (await findUserByUsername(db, "admin")) throw new Error(opsMessages.demo.exists);

  await saveFiscalYear(db, null, {
    year: 2020,
    frameworkId: "2020",
    submissionDeadline: "2020-01-31",
    status: "closed",
  });
  await saveFiscalYear(db, null, { year: 2021, frameworkId: "2021", submissionDeadline: "2021-01-31", status: "open" });
  // The next year is open and nobody has started it: a clerk can show 新建年度填报 on the demo.
  await saveFiscalYear(db, null, { year: 2022, frameworkId: "2021", submissionDeadline: "2022-01-31", status: "open" });
  const desks = { 一科: (await createGroup(db, null, "一科")).id, 二科: (await createGroup(db, null, "二科")).id };
  const departmentIds = new Map<string, string>();
  const { disclosure: fixture, problems } = importDisclosureText(sanhe2020Bytes());
  departmentIds.set(
    OFFICE.code,
    (await createDepartment(db, null, { ...OFFICE, groupId: desks.一科, orgUnits: fixture.orgUnits })).id,
  );
  for (const d of demoDepartments)
    departmentIds.set(
      d.code,
      (await createDepartment(db, null, { code: d.code, name: d.name, groupId: desks[d.desk], orgUnits: d.orgUnits }))
        .id,
    );

  const accounts: DemoAccount[] = [];
  const actors = new Map<string, Actor>();
  for (const plan of accountPlans) {
    const password = process.env.DEMO_PASSWORD || generatePassword();
    const user = await createUser(db, null, {
      username: plan.username,
      displayName: plan.displayName,
      role: plan.role,
      password,
      mustChangePassword: false,
      departmentIds: plan.departments?.map((code) => departmentIds.get(code)!),
      groupIds: plan.desks?.map((desk) => desks[desk]),
    });
    actors.set(plan.username, (await loadActor(db, user.id))!);
    accounts.push({ username: plan.username, password, role: plan.role, note: plan.note });
  }
  const actor = (username: string) => actors.get(username)!;

  // The text with its standard tables (an illustrative reconstruction that agrees with every figure
  // of the text), joined as a clerk's upload of both joins them: project amounts come from 项目支出表.
  const fixtureWithTables = withBudgetTables(fixture, sanhe2020Tables()).disclosure;
  const office2020 = await createDisclosure(db, actor("clerk"), {
    departmentId: departmentIds.get(OFFICE.code)!,
    fiscalYear: 2020,
    content: fixtureWithTables,
  });
  // Published as it was, findings and all: the waiver is in the audit log (db/queries/workflow.ts).
  const version = await walk(
    db,
    office2020,
    ["submit", "startReview", "approve"],
    { clerk: actor("clerk"), approver: actor("approver") },
    "imported-publication",
  );
  // Every format the portal offers, rendered from exactly the canonical being frozen (as the admin's 发布 does).
  // The demo must start on a machine without Chromium (it needs only Node): then the PDF is left out.
  const printer = new PdfPrinter();
  const formats = printer.available ? undefined : bundleFormats.filter((f) => f !== "pdf");
  if (formats) console.warn(opsMessages.demo.noChromium(printer.executablePath));
  const nameOf = (await loadClassificationCatalogue(db, 2020))?.nameOf;
  try {
    await publishSnapshot(db, actor("admin"), office2020.id, {
      expectedVersion: version,
      files: (d) => renderBundle(d, { printer, revision: 1, formats, nameOf }),
      page: (d) => renderPortalPage(d, nameOf),
    });
    // The performance cycle on the published 2020 targets: illustrative 运行监控 and 自评 (issue 17),
    // the 自评 published with its files as the admin's 发布 publishes it.
    await seedPerformanceDemo(
      db,
      { admin: actor("admin"), clerk: actor("clerk"), approver: actor("approver") },
      OFFICE.code,
      2020,
      printer,
    );
  } finally {
    await printer.close();
  }

  const framework2021 = findFramework("2021")!;
  // The draft starts from 2020 with its budget tables, last year's figures in their 上年 columns.
  await createDisclosure(db, actor("clerk"), {
    departmentId: departmentIds.get(OFFICE.code)!,
    fiscalYear: 2021,
    content: carryForward(fixtureWithTables, 2021, framework2021),
  });

  for (const d of demoDepartments) {
    const clerk = actor(d.code === "411" ? "clerk2" : `clerk${d.code}`);
    const approver = actor(d.desk === "一科" ? "approver" : "approver2");
    const created = await createDisclosure(db, clerk, {
      departmentId: departmentIds.get(d.code)!,
      fiscalYear: 2021,
      content: syntheticDisclosure(fixture, d, 2021, framework2021.id),
    });
    await walk(db, created, demoStates[d.code] ?? [], { clerk, approver });
  }
  return { accounts, importProblems: problems.map((p) => p.message) };
}

/** Takes a disclosure through workflow steps as the people who would take them. */
async function walk(
  db: Db,
  disclosure: { id: string; version: number },
  steps: WorkflowStep[],
  people: { clerk: Actor; approver: Actor },
  waive?: FindingsWaiver,
): Promise<number> {
  let version = disclosure.version;
  for (const step of steps) {
    const by = step === "submit" || step === "withdraw" ? people.clerk : people.approver;
    if (step === "return") {
      await commentOnSatisfaction(db, by, disclosure.id);
      ({ version } = await returnDisclosure(db, by, disclosure.id, {
        expectedVersion: version,
        reasonCode: "unreasonable-target",
        note: "满意度目标偏低，请参照上年实际完成情况调整。",
      }));
    } else {
      ({ version } = await transitionDisclosure(db, by, disclosure.id, step as PlainStep, {
        expectedVersion: version,
        waive,
      }));
    }
  }
  return version;
}

/** The approver's comment that goes with the demo's return, on an indicator row. */
async function commentOnSatisfaction(db: Db, approver: Actor, disclosureId: string): Promise<void> {
  const { content } = await loadEditableDisclosure(db, approver, disclosureId);
  const projectIndex = 0;
  const indicatorIndex = content.performance.projects[projectIndex].indicators.findIndex(
    (i) => i.level1 === "满意度指标",
  );
  await addComment(db, approver, disclosureId, {
    anchorPath: `performance.projects[${projectIndex}].indicators[${indicatorIndex}].target`,
    body: "服务对象满意度目标值 >=90% 低于上年实际水平，建议调整为 >=95%。",
  });
}
