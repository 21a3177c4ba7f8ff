import type { Db } from "@/db/client";
import { getFiscalYear, loadCheckOptions, type FiscalYear } from "@/db/queries/settings";
import { yearDashboard } from "@/db/queries/year-dashboard";
import { applyDashboardQuery, withLateness, type DashboardQuery, type DashboardRow } from "@/lib/admin/year-dashboard";
import type { Actor } from "@/lib/auth/actor";

export type DashboardData = { fiscalYear: FiscalYear; all: DashboardRow[]; shown: DashboardRow[] };

/** What the page and the export both show for a year and a query: the same rows, the same order. */
export async function loadDashboard(db: Db, actor: Actor, year: number, query: DashboardQuery): Promise<DashboardData> {
  const fiscalYear = await getFiscalYear(db, year);
  const records = await yearDashboard(db, actor, year, await loadCheckOptions(db, year));
  const all = withLateness(records, fiscalYear.submissionDeadline);
  return { fiscalYear, all, shown: applyDashboardQuery(all, query) };
}
