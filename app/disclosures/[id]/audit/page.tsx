import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { NotFoundError } from "@/lib/errors";
import { verifyAuditChain } from "@/db/queries/audit";
import { disclosureAuditTrail } from "@/db/queries/audit-trail";
import { getDisclosureMeta } from "@/db/queries/disclosures";
import { canUseReviewQueue, canViewAuditLog } from "@/lib/auth/policy";
import { formatDateTime } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/zh-CN";
import { auditMessages } from "@/lib/i18n/zh-CN/audit";
import { auditActionLabel } from "@/lib/security/audit-actions";
import { commentIndex, describeAudit } from "@/lib/security/audit-sentence";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { StateBadge } from "@/components/state-badge";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: auditMessages.history.title };

const m = auditMessages.history;
type Props = { params: Promise<{ id: string }> };

/**
 * A disclosure's audit log, oldest first: each save, each step of the workflow and each comment,
 * with who, when, from which address and what changed. The log is append-only (the database
 * refuses UPDATE and DELETE); the page says whether the hash chain still verifies.
 */
export default async function AuditPage({ params }: Props) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const actor = await requireActor(`/disclosures/${id}/audit`);
  const db = getDb();
  const meta = await getDisclosureMeta(db, actor, id).catch((e) =>
    e instanceof NotFoundError ? notFound() : Promise.reject(e),
  );
  authorize(canViewAuditLog(actor, meta));
  const [entries, chain] = await Promise.all([disclosureAuditTrail(db, actor, id), verifyAuditChain(db)]);
  const comments = commentIndex(entries);

  return (
    <AppShell user={actor} wide>
      <p className="mb-2 text-sm">
        <Link
          href={canUseReviewQueue(actor) ? `/review/${id}` : `/disclosures/${id}`}
          className="text-brand-700 hover:underline"
        >
          ← {zhCN.common.back}
        </Link>
      </p>
      <PageHeader
        title={`${m.title} · ${meta.departmentName} ${zhCN.common.yearSuffix(meta.fiscalYear)}`}
        description={m.intro}
        actions={<StateBadge state={meta.state} />}
      />
      {chain.ok ? (
        <p className="mb-3 text-sm text-emerald-800">{m.chainOk(chain.rows)}</p>
      ) : (
        <Alert tone="error">{m.chainBroken}</Alert>
      )}
      <Card>
        <Table caption={m.title}>
          <THead>
            <tr>
              <Th className="w-44">{m.at}</Th>
              <Th className="w-40">{m.who}</Th>
              <Th className="w-32">{m.action}</Th>
              <Th className="w-36">{m.from}</Th>
              <Th>{m.what}</Th>
            </tr>
          </THead>
          <TBody>
            {entries.length === 0 ? (
              <Tr>
                <Td colSpan={5} className="text-center text-slate-600">
                  {m.empty}
                </Td>
              </Tr>
            ) : null}
            {entries.map((e) => (
              <Tr key={e.id} data-testid="audit-row" data-action={e.action}>
                <Td className="tabular whitespace-nowrap">
                  <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
                </Td>
                <Td>{e.actorName ?? auditMessages.system}</Td>
                <Td className="font-medium">{auditActionLabel(e.action)}</Td>
                <Td className="tabular text-slate-600">{e.ip ?? "—"}</Td>
                <Td className="break-all text-slate-700">{describeAudit(e, comments)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </Card>
    </AppShell>
  );
}
