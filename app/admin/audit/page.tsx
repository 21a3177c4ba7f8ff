import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { auditActions, countAudit, searchAudit, verifyAuditChain } from "@/db/queries/audit";
import { canAdminister } from "@/lib/auth/policy";
import { formatDateTime } from "@/lib/i18n/format";
import { auditMessages } from "@/lib/i18n/zh-CN/audit";
import { auditActionLabel, isAlarmingAction } from "@/lib/security/audit-actions";
import { actorLabel, auditFilterQuery, parseAuditFilter } from "@/lib/security/audit-log-view";
import { describeAudit, describeAuditEntity } from "@/lib/security/audit-sentence";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: auditMessages.log.title };

const m = auditMessages.log;
const PAGE_ROWS = 200;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The audit log for the admin: filters in the URL (a plain GET form, so a filtered view can be
 * bookmarked and the export takes the same query), the newest 200 rows, each read as a sentence
 * (lib/security/audit-sentence.ts), the whole chain verified on each visit, and the export of
 * everything that matches as .xlsx or CSV.
 */
export default async function AuditPage({ searchParams }: Props) {
  const actor = await requireActor("/admin/audit");
  authorize(canAdminister(actor));
  const { filter, errors } = parseAuditFilter(await searchParams);
  const db = getDb();
  const [rows, total, actions, chain] = await Promise.all([
    searchAudit(db, filter, { limit: PAGE_ROWS }),
    countAudit(db, filter),
    auditActions(db),
    verifyAuditChain(db),
  ]);
  const query = auditFilterQuery(filter);
  const exportHref = (format: "xlsx" | "csv") => `/admin/audit/export?format=${format}${query ? `&${query}` : ""}`;

  return (
    <AppShell user={actor} wide>
      <PageHeader
        title={m.title}
        description={m.intro}
        actions={
          <>
            <a className={buttonClass("secondary", "sm")} href={exportHref("xlsx")} download>
              {m.exportXlsx}
            </a>
            <a className={buttonClass("secondary", "sm")} href={exportHref("csv")} download>
              {m.exportCsv}
            </a>
          </>
        }
      />
      <Alert tone={chain.ok ? "success" : "error"} className="mb-4">
        {chain.ok ? m.chainOk(chain.rows) : m.chainBroken(chain.brokenAtId)}
      </Alert>
      <Card className="mb-4 px-5 py-4">
        <form
          method="get"
          action="/admin/audit"
          aria-label={m.filters}
          className="grid grid-cols-2 gap-x-4 gap-y-3 md:grid-cols-3 xl:grid-cols-6"
        >
          <div>
            <Label htmlFor="from">{m.from}</Label>
            <Input
              id="from"
              name="from"
              type="date"
              defaultValue={filter.from ?? ""}
              invalid={!!errors.from}
              aria-describedby={errors.from ? "from-error" : undefined}
            />
            <FieldError id="from-error" message={errors.from} />
          </div>
          <div>
            <Label htmlFor="to">{m.to}</Label>
            <Input
              id="to"
              name="to"
              type="date"
              defaultValue={filter.to ?? ""}
              invalid={!!errors.to}
              aria-describedby={errors.to ? "to-error" : undefined}
            />
            <FieldError id="to-error" message={errors.to} />
          </div>
          <div>
            <Label htmlFor="actor">{m.actor}</Label>
            <Input id="actor" name="actor" defaultValue={filter.actor ?? ""} />
          </div>
          <div>
            <Label htmlFor="action">{m.action}</Label>
            <select
              id="action"
              name="action"
              defaultValue={filter.action ?? ""}
              className="h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              <option value="">{m.actionAll}</option>
              {actions.map((action) => (
                <option key={action} value={action}>
                  {auditActionLabel(action)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <Label htmlFor="entity">{m.entity}</Label>
            <Input id="entity" name="entity" defaultValue={filter.entity ?? ""} />
          </div>
          <div>
            <Label htmlFor="ip">{m.ip}</Label>
            <Input id="ip" name="ip" defaultValue={filter.ip ?? ""} />
          </div>
          <div className="col-span-full flex items-center gap-3">
            <button type="submit" className={buttonClass("primary", "sm")}>
              {m.apply}
            </button>
            <a href="/admin/audit" className={buttonClass("ghost", "sm")}>
              {m.reset}
            </a>
            <span className="ml-auto text-sm text-slate-600" data-testid="audit-count">
              {m.shown(rows.length, total)}
            </span>
          </div>
        </form>
      </Card>
      <Card>
        {rows.length === 0 ? (
          <p className="px-5 py-10 text-center text-sm text-slate-600">{m.empty}</p>
        ) : (
          <Table caption={m.title}>
            <THead>
              <Tr>
                <Th numeric>{m.columns.id}</Th>
                <Th>{m.columns.at}</Th>
                <Th>{m.columns.actor}</Th>
                <Th>{m.columns.ip}</Th>
                <Th>{m.columns.action}</Th>
                <Th>{m.columns.entity}</Th>
                <Th>{m.columns.detail}</Th>
                <Th>{m.columns.hash}</Th>
              </Tr>
            </THead>
            <TBody>
              {rows.map((row) => (
                <Tr key={row.id}>
                  <Td numeric className="text-slate-500">
                    {row.id}
                  </Td>
                  <Td className="whitespace-nowrap">{formatDateTime(row.at)}</Td>
                  <Td className={`max-w-48 truncate ${row.actorId ? "" : "text-slate-500"}`}>{actorLabel(row)}</Td>
                  <Td className="whitespace-nowrap text-slate-600">{row.ip ?? ""}</Td>
                  <Td className="whitespace-nowrap" data-action={row.action}>
                    <span className={isAlarmingAction(row.action) ? "font-medium text-red-700" : ""}>
                      {auditActionLabel(row.action)}
                    </span>
                  </Td>
                  <Td className="max-w-64 truncate text-slate-600" title={describeAuditEntity(row)}>
                    {describeAuditEntity(row)}
                  </Td>
                  <Td className="min-w-72 max-w-xl text-xs text-slate-700">{describeAudit(row)}</Td>
                  <Td className="font-mono text-xs text-slate-500">{row.hash.slice(0, 12)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </AppShell>
  );
}
