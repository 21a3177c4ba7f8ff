import { todayIso } from "../../lib/i18n/format";
import type { Db } from "../client";
import { enqueueOnce } from "./queue";

/**
 * The jobs each day asks for (the deadline reminders), enqueued on the shared queue by every
 * process that runs jobs (the app servers' runners and `npm run worker`): `enqueueOnce` keys them by
 * the Beijing date, so however many processes ask, each day's job runs once, on whichever claims it.
 */

export const DEADLINE_REMINDERS_KIND = "deadline-reminders";

const DAILY_KINDS = [DEADLINE_REMINDERS_KIND] as const;

/** Enqueues today's daily jobs not yet enqueued; how many it added. */
export async function enqueueDailyJobs(db: Db, today: string = todayIso()): Promise<number> {
  let added = 0;
  for (const kind of DAILY_KINDS) if (await enqueueOnce(db, { kind, key: today })) added += 1;
  return added;
}

const HOUR = 3_600_000;

/**
 * Asks for the day's jobs now and every `everyMs` (an hour: a server started at 23:59 still
 * enqueues the next day's early), kicking the runner when it added one. Never keeps the process alive.
 */
export function startDailySchedule(db: Db, kick: () => void, everyMs = HOUR): { stop: () => void } {
  const ask = () =>
    enqueueDailyJobs(db)
      .then((added) => {
        if (added > 0) kick();
      })
      .catch((error) => console.error("[jobs] daily schedule", error));
  void ask();
  const timer = setInterval(ask, everyMs);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
