import Link from "next/link";
import { dashboardSearch, dashboardStates, type DashboardQuery } from "@/lib/admin/year-dashboard";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Button, ButtonLink } from "@/components/ui/button";

const m = adminMessages.dashboard;
const field = "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm";

/** The dashboard's filters as a plain GET form: the URL is the state, and works without JavaScript. */
export function DashboardFilters({
  query,
  desks,
  basePath,
  exportPath,
}: {
  query: DashboardQuery;
  desks: string[];
  basePath: string;
  exportPath: string;
}) {
  return (
    <form
      method="get"
      action={basePath}
      role="search"
      aria-label={m.filters}
      className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3"
    >
      <label className="text-sm text-slate-700">
        <span className="mb-1 block">{m.state}</span>
        <select name="state" defaultValue={query.state ?? ""} className={field}>
          <option value="">{m.allStates}</option>
          {dashboardStates.map((s) => (
            <option key={s} value={s}>
              {s === "none" ? m.notStarted : zhCN.states[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm text-slate-700">
        <span className="mb-1 block">{m.desk}</span>
        <select name="desk" defaultValue={query.desk ?? ""} className={field}>
          <option value="">{m.allDesks}</option>
          {desks.map((d) => (
            <option key={d}>{d}</option>
          ))}
        </select>
      </label>
      <label className="text-sm text-slate-700">
        <span className="mb-1 block">{m.search}</span>
        <input type="search" name="q" defaultValue={query.q} className={`${field} w-44`} />
      </label>
      <label className="flex h-9 items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="late" value="1" defaultChecked={query.late} />
        {m.lateOnly}
      </label>
      {query.sort !== "code" || query.dir !== "asc" ? (
        <>
          <input type="hidden" name="sort" value={query.sort} />
          <input type="hidden" name="dir" value={query.dir} />
        </>
      ) : null}
      <Button type="submit" size="sm" variant="secondary" className="h-9">
        {m.apply}
      </Button>
      <Link href={basePath} className="h-9 px-2 py-2 text-sm text-slate-600 hover:text-slate-900">
        {m.reset}
      </Link>
      <ButtonLink href={`${exportPath}${dashboardSearch(query)}`} size="sm" className="ml-auto h-9" prefetch={false}>
        {m.export}
      </ButtonLink>
    </form>
  );
}
