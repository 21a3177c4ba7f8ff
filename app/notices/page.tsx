import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { countUnreadNotices, listNotices } from "@/db/queries/notices";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { isReminderStage } from "@/lib/workflow/deadlines";
import { zhCN } from "@/lib/i18n/zh-CN";
import { executeOperation } from "@/app/_server/operation";
import { clientIp, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { MarkAllReadForm } from "./mark-read-form";
import { markNoticesReadOperation } from "./operations";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: zhCN.workflow.notices.title };

const m = zhCN.workflow.notices;

/**
 * Something came back to you: a return for the department's clerks, a resubmission for the
 * approver. Opening the page is reading it: the notices it shows are marked read (through the
 * audited notice.mark-read, after they were listed, so this view still tags the new ones 未读), and
 * the header's count, rendered after this, drops. A link's prefetch never renders a dynamic page,
 * so only a real visit marks anything.
 */
export default async function NoticesPage() {
  const actor = await requireActor("/notices");
  const db = getDb();
  const notices = await listNotices(db, actor, { limit: 100 });
  const shownUnread = notices.filter((n) => !n.readAt).map((n) => n.id);
  if (shownUnread.length > 0)
    await executeOperation(markNoticesReadOperation, { db, actor, ip: await clientIp() }, { ids: shownUnread });
  // More unread than one page shows (over a hundred): those wait for 全部标为已读.
  const unread = notices.length === 100 ? await countUnreadNotices(db, actor) : 0;
  // Where the notice takes you: the approver to the review screen, the clerk to the editor.
  const hrefOf = (id: string) =>
    actor.role === "approver"
      ? `/review/${id}`
      : actor.role === "clerk"
        ? `/disclosures/${id}/edit`
        : `/disclosures/${id}`;

  return (
    <AppShell user={actor}>
      <PageHeader
        title={m.title}
        description={m.seen(shownUnread.length)}
        actions={unread > 0 ? <MarkAllReadForm /> : null}
      />
      {notices.length === 0 ? (
        <Card className="px-5 py-10 text-center text-sm text-slate-600">{m.empty}</Card>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100">
            {notices.map((n) => (
              <li
                key={n.id}
                data-testid="notice"
                className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-5 py-3 text-sm"
              >
                {!n.readAt ? <Badge tone="info">未读</Badge> : null}
                <Link href={hrefOf(n.disclosureId)} className="font-medium text-brand-700 hover:underline">
                  {m.kinds[n.kind](`${n.departmentName} ${zhCN.common.yearSuffix(n.fiscalYear)}`)}
                </Link>
                {typeof n.detail.reasonLabel === "string" ? (
                  <span className="text-slate-700">{m.reason(n.detail.reasonLabel)}</span>
                ) : null}
                {typeof n.detail.note === "string" && n.detail.note ? (
                  <span className="text-slate-600">“{n.detail.note}”</span>
                ) : null}
                {typeof n.detail.opinion === "string" && n.detail.opinion ? (
                  <span className="text-slate-700">{m.opinion(n.detail.opinion)}</span>
                ) : null}
                {n.kind === "deadline" && isReminderStage(n.detail.stage) && typeof n.detail.deadline === "string" ? (
                  <span
                    data-testid="notice-deadline"
                    className={n.detail.stage === "overdue" ? "text-red-700" : "text-amber-800"}
                  >
                    {m.deadline(n.detail.stage, formatDate(n.detail.deadline))}
                  </span>
                ) : null}
                {n.kind === "published" && typeof n.detail.revision === "number" ? (
                  <span className="text-slate-600">{m.revision(n.detail.revision)}</span>
                ) : null}
                <span className="ml-auto text-xs text-slate-500">
                  {n.actorName ? `${n.actorName} · ` : ""}
                  <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt)}</time>
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </AppShell>
  );
}
