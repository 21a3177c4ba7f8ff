import { PORTAL_QUERY_MAX } from "@/db/queries/portal";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Input } from "@/components/ui/input";
import { buttonClass } from "@/components/ui/button";

const s = zhCN.portal.search;

/**
 * Find a department's disclosures across years: a plain GET form to /public, read by the server
 * from the address (no script needed), so the result can be bookmarked and shared.
 */
export function PortalSearch({ q, year, years }: { q: string; year?: number; years: number[] }) {
  return (
    <form method="get" action="/public" role="search" className="mb-4 flex flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1 basis-56">
        <label htmlFor="portal-q" className="mb-1 block text-sm font-medium text-slate-700">
          {s.label}
        </label>
        <Input
          id="portal-q"
          type="search"
          name="q"
          defaultValue={q}
          maxLength={PORTAL_QUERY_MAX}
          placeholder={s.placeholder}
          enterKeyHint="search"
        />
      </div>
      <div>
        <label htmlFor="portal-year" className="mb-1 block text-sm font-medium text-slate-700">
          {s.year}
        </label>
        <select
          id="portal-year"
          name="year"
          defaultValue={year === undefined ? "" : String(year)}
          className="block h-10 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900"
        >
          <option value="">{zhCN.portal.allYears}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {zhCN.common.yearSuffix(y)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass("primary", "md")}>
        {s.submit}
      </button>
      {q || year !== undefined ? (
        <a href="/public" className={buttonClass("ghost", "md")}>
          {s.clear}
        </a>
      ) : null}
    </form>
  );
}
