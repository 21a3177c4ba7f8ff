/**
 * `npm run worker`: runs the background jobs (db/jobs; the kinds in app/_server/jobs.ts) in a
 * process of its own, on the database DATABASE_URL / PGLITE_DIR names. Start app servers with
 * WORKER=off to leave all the work to such processes; run as many as the work needs. SIGINT or
 * SIGTERM lets the job in hand finish; a worker killed outright loses its lease and another re-runs it.
 */
import { createDb, optionsFromEnv } from "@/db/client";
import { sharedPrinter } from "@/lib/export/pdf";
import { opsMessages } from "@/lib/i18n/zh-CN/ops";
import { startJobRunner } from "@/db/jobs/runner";
import { startDailySchedule } from "@/db/jobs/schedule";
import { jobHandlers } from "@/app/_server/jobs";

const t = opsMessages.worker;
const options = optionsFromEnv();
const handle = createDb(options);
if (handle.driver === "pglite") console.warn(t.pgliteShared);
const runner = startJobRunner(handle.db, { handlers: jobHandlers });
const daily = startDailySchedule(handle.db, runner.kick);
console.log(
  t.started(runner.workerId, options.databaseUrl ? new URL(options.databaseUrl).host : String(options.pgliteDir)),
);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(t.stopping);
  daily.stop();
  await runner.stop();
  await sharedPrinter().close();
  await handle.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
