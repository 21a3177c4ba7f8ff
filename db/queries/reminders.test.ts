import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOneJob } from "../jobs/runner";
import { DEADLINE_REMINDERS_KIND, enqueueDailyJobs } from "../jobs/schedule";
import { jobs } from "../schema/jobs";
import { notices } from "../schema/review";
import { createTestDb, type TestDb } from "../test-db";
import { buildTestOrg, type TestOrg } from "../test-org";
import { disclosureIn, type Cast } from "../test-workflow";
import { listNotices } from "./notices";
import { runDeadlineReminders, sendDeadlineReminders } from "./reminders";

/**
 * Deadline reminders on a real database: which disclosures get one (the department's own, still a
 * draft or returned, in an open year with a deadline near or past), at which stage, once per
 * stage whatever runs them twice; and the daily job that sends them, enqueued once a day however
 * many servers ask.
 */

let t: TestDb;
let w: TestOrg;
let cast: Cast;
// disclosureIn gives each year the deadline `${year}-01-31`.
const YEAR = 2035;
const DEADLINE = `${YEAR}-01-31`;

beforeAll(async () => {
  t = await createTestDb();
  w = await buildTestOrg(t.db);
  cast = { clerk: w.actors.clerk, approver: w.actors.approver, admin: w.actors.admin };
  await disclosureIn(t.db, cast, w.departments.office, "draft", YEAR);
  await disclosureIn(t.db, { ...cast, clerk: w.actors.clerk2 }, w.departments.health, "submitted", YEAR);
});
afterAll(async () => {
  await t?.close();
});

const deadlineNotices = (actor: TestOrg["actors"]["clerk"]) =>
  listNotices(t.db, actor).then((rows) => rows.filter((n) => n.kind === "deadline" && n.fiscalYear === YEAR));

describe("deadline reminders", () => {
  it("say nothing four days out; within three days the draft's clerks are told, not a submitted one's", async () => {
    expect(await sendDeadlineReminders(t.db, `${YEAR}-01-27`)).toEqual({ sent: 0 });
    expect(await sendDeadlineReminders(t.db, `${YEAR}-01-28`)).toEqual({ sent: 1 });
    const [notice] = await deadlineNotices(w.actors.clerk);
    expect(notice).toMatchObject({
      departmentName: "三河市人民政府办公室",
      actorName: null,
      detail: { stage: "3d", deadline: DEADLINE, daysLeft: 3 },
    });
    // 卫健局 submitted in time: nothing for its clerk, nothing for an approver.
    expect(await deadlineNotices(w.actors.clerk2)).toEqual([]);
    expect(await deadlineNotices(w.actors.approver)).toEqual([]);
  });

  it("send each stage once, however often they run, then the last day's and the late one", async () => {
    expect(await sendDeadlineReminders(t.db, `${YEAR}-01-29`)).toEqual({ sent: 0 });
    expect(await sendDeadlineReminders(t.db, `${YEAR}-01-30`)).toEqual({ sent: 1 });
    expect(await sendDeadlineReminders(t.db, DEADLINE)).toEqual({ sent: 0 });
    expect(await sendDeadlineReminders(t.db, `${YEAR}-02-01`)).toEqual({ sent: 1 });
    expect(await sendDeadlineReminders(t.db, `${YEAR}-03-01`)).toEqual({ sent: 0 });
    expect((await deadlineNotices(w.actors.clerk)).map((n) => n.detail.stage)).toEqual(["overdue", "1d", "3d"]);
  });

  it("stop once the year is closed", async () => {
    await disclosureIn(t.db, cast, w.departments.office, "draft", YEAR + 1);
    await t.db.execute(sql`update fiscal_years set status = 'closed' where year = ${YEAR + 1}`);
    expect(await sendDeadlineReminders(t.db, `${YEAR + 1}-02-01`)).toEqual({ sent: 0 });
  });
});

describe("the daily job", () => {
  it("is enqueued once a day whichever servers ask, and sends that day's reminders when run", async () => {
    const day = `${YEAR + 2}-01-30`;
    await disclosureIn(t.db, cast, w.departments.office, "returned", YEAR + 2);
    // Two servers asking at once, then again an hour later: one job.
    const added = await Promise.all([enqueueDailyJobs(t.db, day), enqueueDailyJobs(t.db, day)]);
    expect(added.sort()).toEqual([0, 1]);
    expect(await enqueueDailyJobs(t.db, day)).toBe(0);
    const queued = await t.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, DEADLINE_REMINDERS_KIND), eq(jobs.state, "queued")));
    expect(queued.map((j) => j.input)).toEqual([{ key: day }]);

    expect(
      await runOneJob(t.db, { workerId: "test", handlers: { [DEADLINE_REMINDERS_KIND]: runDeadlineReminders } }),
    ).toBe(true);
    const [done] = await t.db.select().from(jobs).where(eq(jobs.id, queued[0].id));
    expect(done).toMatchObject({ state: "done", progress: { sent: 1 } });
    const sent = await t.db.select().from(notices).where(eq(notices.kind, "deadline"));
    expect(sent.some((n) => (n.detail as { stage?: string }).stage === "1d")).toBe(true);
  });
});
