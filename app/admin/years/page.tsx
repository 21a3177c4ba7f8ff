import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { listFiscalYears } from "@/db/queries/settings";
import { canViewYearOverview } from "@/lib/auth/policy";
import { authorize, requireActor } from "@/app/_server/session";

export const dynamic = "force-dynamic";

/** 年度总览 without a year: the most recent open year (or the most recent one), else the console. */
export default async function YearsIndex() {
  const actor = await requireActor("/admin/years");
  authorize(canViewYearOverview(actor));
  const years = await listFiscalYears(getDb());
  const target = years.find((y) => y.status === "open") ?? years[0];
  redirect(target ? `/admin/years/${target.year}` : "/admin");
}
