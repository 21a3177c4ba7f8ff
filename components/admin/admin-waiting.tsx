import Link from "next/link";
import type { LateDepartment, WaitingDisclosure } from "@/db/queries/admin-waiting";
import { latenessNotes } from "@/lib/admin/lateness";
import { formatDate, todayIso } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/zh-CN";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { publicationDueBy } from "@/lib/workflow/deadlines";
import { StateBadge } from "@/components/state-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";

const m = adminMessages.waiting;
const d = adminMessages.dashboard;
/** Late departments shown per year before the list sends the admin to the year's overview. */
const LATE_SHOWN = 8;

/**
 * What waits for the admin, first on the console: approved disclosures to publish (the late ones
 * first, with the date the law sets), and per open year the departments past the submission
 * deadline, each a link to its disclosure, the year's overview filtered to the late ones after.
 */
export function AdminWaiting({ toPublish, late }: { toPublish: WaitingDisclosure[]; late: LateDepartment[] }) {
  const years = [...new Set(late.map((l) => l.fiscalYear))];
  return (
    <Card aria-labelledby="admin-waiting" data-testid="admin-waiting">
      <CardHeader id="admin-waiting" title={m.title} />
      <div className="grid gap-6 px-5 pb-5 lg:grid-cols-2">
        <section aria-labelledby="waiting-publish">
          <h3 id="waiting-publish" className="mb-2 text-sm font-semibold text-slate-800">
            {m.toPublish(toPublish.length)}
          </h3>
          {toPublish.length === 0 ? (
            <p className="text-sm text-slate-600">{m.toPublishEmpty}</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="waiting-publish">
              {toPublish.map((w) => {
                const notes = latenessNotes(w.lateness, d);
                return (
                  <li key={w.disclosureId} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2">
                    <Link
                      href={`/disclosures/${w.disclosureId}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      <span className="tabular text-slate-500">{w.departmentCode}</span> {w.departmentName}{" "}
                      {zhCN.common.yearSuffix(w.fiscalYear)}
                    </Link>
                    {w.approvedAt ? (
                      <span className="text-xs text-slate-600">
                        {m.approvedOn(formatDate(w.approvedAt))} ·{" "}
                        {m.publishBy(formatDate(publicationDueBy(todayIso(w.approvedAt))))}
                      </span>
                    ) : null}
                    {notes.length > 0 ? <Badge tone="danger">{notes.join("；")}</Badge> : null}
                    <Link href="/admin/publish" className="ml-auto text-brand-700 hover:underline">
                      {m.publish}
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <section aria-labelledby="waiting-late">
          <h3 id="waiting-late" className="mb-2 text-sm font-semibold text-slate-800">
            {m.late(late.length)}
          </h3>
          {late.length === 0 ? <p className="text-sm text-slate-600">{m.lateEmpty}</p> : null}
          {years.map((year) => {
            const ofYear = late.filter((l) => l.fiscalYear === year);
            return (
              <div key={year} className="mb-3" data-testid={`waiting-late-${year}`}>
                <p className="flex items-baseline justify-between text-xs text-slate-600">
                  {m.lateYear(year, ofYear.length)}
                  <Link href={`/admin/years/${year}?late=1`} className="text-brand-700 hover:underline">
                    {m.yearOverview}
                  </Link>
                </p>
                <ul className="divide-y divide-slate-100 text-sm">
                  {ofYear.slice(0, LATE_SHOWN).map((l) => (
                    <li key={l.departmentId} className="flex flex-wrap items-center gap-x-3 py-1.5">
                      {l.disclosureId ? (
                        <Link href={`/disclosures/${l.disclosureId}`} className="text-brand-700 hover:underline">
                          <span className="tabular text-slate-500">{l.departmentCode}</span> {l.departmentName}
                        </Link>
                      ) : (
                        <span>
                          <span className="tabular text-slate-500">{l.departmentCode}</span> {l.departmentName}
                        </span>
                      )}
                      {l.state ? <StateBadge state={l.state} /> : <Badge>{m.notStarted}</Badge>}
                      <span className="ml-auto text-xs text-red-700">{d.overdue(l.lateness.overdue)}</span>
                    </li>
                  ))}
                </ul>
                {ofYear.length > LATE_SHOWN ? (
                  <p className="text-xs text-slate-600">{m.more(ofYear.length - LATE_SHOWN)}</p>
                ) : null}
              </div>
            );
          })}
        </section>
      </div>
    </Card>
  );
}
