import { getDb } from "@/db/client";
import { type JobHandler, type JobRunner, startJobRunner } from "@/db/jobs/runner";
import { DEADLINE_REMINDERS_KIND, startDailySchedule } from "@/db/jobs/schedule";
import { runDeadlineReminders } from "@/db/queries/reminders";
import { runYearExport, YEAR_EXPORT_KIND } from "@/app/admin/exports/year-export-job";

/** Every kind of background job and its handler: the app server's runner and `npm run worker` run these. */
export const jobHandlers: Record<string, JobHandler> = {
  [YEAR_EXPORT_KIND]: runYearExport as JobHandler,
  [DEADLINE_REMINDERS_KIND]: runDeadlineReminders,
};

const HOLDER = Symbol.for("budget-disclosure.job-runner");
type Holder = { [HOLDER]?: JobRunner };

/** WORKER=off: this app server only enqueues; a `npm run worker` process runs the jobs. */
export const runsJobsInProcess = (env: NodeJS.ProcessEnv = process.env) => env.WORKER?.trim().toLowerCase() !== "off";

/**
 * Starts this server's own runner (instrumentation.ts, once per process), unless WORKER=off. Kept
 * on globalThis: Next may load this module once per bundle, and one runner per process is enough.
 */
export function startInProcessJobs(): void {
  if (!runsJobsInProcess()) return;
  const holder = globalThis as Holder;
  if (holder[HOLDER]) return;
  const runner = startJobRunner(getDb(), { handlers: jobHandlers });
  holder[HOLDER] = runner;
  // The day's reminders: asked for by every process that runs jobs, run once (db/jobs/schedule.ts).
  startDailySchedule(getDb(), runner.kick);
}

/** A job was just enqueued here: this server's runner (if it has one) looks at once. */
export function kickJobs(): void {
  (globalThis as Holder)[HOLDER]?.kick();
}
