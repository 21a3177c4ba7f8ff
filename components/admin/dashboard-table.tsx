import Link from "next/link";
import { latenessNotes } from "@/lib/admin/lateness";
import {
  dashboardSearch,
  type DashboardQuery,
  type DashboardRow,
  type DashboardTotals,
  type SortKey,
} from "@/lib/admin/year-dashboard";
import { formatDate } from "@/lib/i18n/format";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { Amount } from "@/components/amount";
import { StateBadge } from "@/components/state-badge";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { ScrollRegion } from "@/components/ui/scroll-region";

const m = adminMessages.dashboard;
const c = m.columns;

/** A column head that sorts by its key: the link carries the whole query, so filters stay. */
function SortHead({
  query,
  sortKey,
  numeric,
  basePath,
}: {
  query: DashboardQuery;
  sortKey: SortKey;
  numeric?: boolean;
  basePath: string;
}) {
  const active = query.sort === sortKey;
  const nextDir = active && query.dir === "asc" ? "desc" : "asc";
  return (
    <th
      scope="col"
      aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}
      // Heads may wrap (“三公”经费, 未解决意见): the fifteen columns fit 1366 px without scrolling.
      className={cn("border-b border-slate-200 px-1.5 py-2 align-bottom font-medium", numeric && "text-right")}
    >
      <Link
        href={`${basePath}${dashboardSearch(query, { sort: sortKey, dir: nextDir })}`}
        aria-label={m.sortBy(c[sortKey])}
        className="inline-flex items-center gap-0.5 hover:text-slate-900"
      >
        {c[sortKey]}
        <span aria-hidden className={cn("text-[10px]", active ? "text-brand-700" : "text-slate-300")}>
          {active && query.dir === "desc" ? "▼" : "▲"}
        </span>
      </Link>
    </th>
  );
}

const count = (n: number | null | undefined, tone: string) =>
  n ? <span className={cn("tabular font-medium", tone)}>{n}</span> : <span className="text-slate-300">0</span>;

/** Every department of the year as the URL filters and sorts it, with the totals under it. */
export function DashboardTable({
  rows,
  totals,
  query,
  basePath,
}: {
  rows: DashboardRow[];
  totals: DashboardTotals;
  query: DashboardQuery;
  basePath: string;
}) {
  const head = (key: SortKey, numeric?: boolean) => (
    <SortHead query={query} sortKey={key} numeric={numeric} basePath={basePath} />
  );
  return (
    <ScrollRegion label={m.sheetName}>
      <table className="w-full border-collapse text-[13px] leading-5">
        <caption className="sr-only">{m.sheetName}</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            {head("code")}
            {head("name")}
            {head("desk")}
            {head("state")}
            {head("submittedAt")}
            {head("approvedAt")}
            {head("publishedAt")}
            {head("late")}
            {head("errors", true)}
            {head("warnings", true)}
            {head("comments", true)}
            {head("income", true)}
            {head("expenditure", true)}
            {head("threePublic", true)}
            {head("procurement", true)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => {
            const late = latenessNotes(r.lateness, m);
            return (
              <tr key={r.departmentId} className="hover:bg-slate-50/60">
                <td className="tabular px-1.5 py-1.5">{r.departmentCode}</td>
                <td className="min-w-[7rem] px-1.5 py-1.5">
                  {r.disclosureId ? (
                    <Link
                      href={`/disclosures/${r.disclosureId}`}
                      className="text-brand-700 underline-offset-2 hover:underline"
                    >
                      {r.departmentName}
                    </Link>
                  ) : (
                    r.departmentName
                  )}
                </td>
                <td className="px-1.5 py-1.5 whitespace-nowrap">{r.groupName ?? "—"}</td>
                <td className="px-1.5 py-1.5">
                  {r.state ? <StateBadge state={r.state} /> : <Badge>{m.notStarted}</Badge>}
                </td>
                <td className="tabular px-1.5 py-1.5 whitespace-nowrap">{formatDate(r.submittedAt) || "—"}</td>
                <td className="tabular px-1.5 py-1.5 whitespace-nowrap">{formatDate(r.approvedAt) || "—"}</td>
                <td className="tabular px-1.5 py-1.5 whitespace-nowrap">{formatDate(r.publishedAt) || "—"}</td>
                <td className="min-w-[4.5rem] px-1.5 py-1.5">
                  {late.length > 0 ? <span className="text-red-700">{late.join("；")}</span> : "—"}
                </td>
                <td className="px-1.5 py-1.5 text-right">
                  {r.findings ? count(r.findings.error, "text-red-700") : "—"}
                </td>
                <td className="px-1.5 py-1.5 text-right">
                  {r.findings ? count(r.findings.warning, "text-amber-700") : "—"}
                </td>
                <td className="px-1.5 py-1.5 text-right">{count(r.openComments, "text-brand-700")}</td>
                <td className="px-1.5 py-1.5 text-right whitespace-nowrap">
                  <Amount value={r.figures.income} />
                </td>
                <td className="px-1.5 py-1.5 text-right whitespace-nowrap">
                  <Amount value={r.figures.expenditure} />
                </td>
                <td className="px-1.5 py-1.5 text-right whitespace-nowrap">
                  <Amount value={r.figures.threePublic} />
                </td>
                <td className="px-1.5 py-1.5 text-right whitespace-nowrap">
                  <Amount value={r.figures.procurement} />
                </td>
              </tr>
            );
          })}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={15} className="px-3 py-6 text-center text-slate-500">
                {m.empty}
              </td>
            </tr>
          ) : null}
        </tbody>
        <tfoot className="border-t-2 border-slate-300 bg-slate-50 font-medium">
          <tr>
            <th scope="row" colSpan={11} className="px-1.5 py-2 text-left">
              {m.total}（{adminMessages.departments.count(totals.departments)}）
            </th>
            {(["income", "expenditure", "threePublic", "procurement"] as const).map((key) => (
              <td key={key} className="px-1.5 py-2 text-right">
                <Amount value={totals[key]} />
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
