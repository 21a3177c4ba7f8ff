import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { publicationBoard } from "@/db/queries/portal";
import { canAdminister, canOpenRevision, canPublish } from "@/lib/auth/policy";
import { formatDate } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/zh-CN";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { bundleFormats } from "@/lib/export/bundle";
import { OpenRevisionForm, PublishForm } from "./publish-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: zhCN.portal.publish.title };

const t = zhCN.portal.publish;
/** What publishing produces, named as the portal names the downloads. */
const publishedFiles = bundleFormats.map((f) => zhCN.portal.formats[f]?.label ?? f).join("、");

/**
 * The admin's publication board: approved disclosures to publish, published ones to view or
 * correct. Each form shows where the transitions table lets this person take its step.
 */
type Props = { searchParams: Promise<{ published?: string; revision?: string; opened?: string }> };

export default async function PublishPage({ searchParams }: Props) {
  const done = await searchParams;
  const revision = Number(done.revision);
  const opened = Number(done.opened);
  const notice =
    done.published && Number.isInteger(revision) && revision > 0
      ? t.published(done.published.slice(0, 80), revision)
      : Number.isInteger(opened) && opened > 1
        ? t.revisionOpened(opened)
        : null;
  const actor = await requireActor("/admin/publish");
  authorize(canAdminister(actor));
  const board = await publicationBoard(getDb(), actor);

  return (
    <AppShell user={actor}>
      <PageHeader
        title={t.title}
        description={t.intro}
        actions={<ButtonLink href="/admin/exports">{t.exports}</ButtonLink>}
      />
      {notice ? (
        <p
          role="status"
          className="mb-4 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-2 text-sm text-emerald-900"
        >
          {notice}
        </p>
      ) : null}
      <div className="space-y-6">
        <Card aria-labelledby="ready-heading">
          <CardHeader id="ready-heading" title={t.readyHeading} />
          {board.ready.length === 0 ? (
            <p className="px-5 py-6 text-sm text-slate-600">{t.readyEmpty}</p>
          ) : (
            <Table caption={t.readyHeading}>
              <THead>
                <tr>
                  <Th className="w-24">{zhCN.common.fiscalYear}</Th>
                  <Th>{zhCN.common.department}</Th>
                  <Th className="w-20">{zhCN.common.revision}</Th>
                  <Th className="w-36">{t.approvedAt}</Th>
                  <Th className="w-[22rem]">{zhCN.common.actions}</Th>
                </tr>
              </THead>
              <TBody>
                {board.ready.map((r) => (
                  <Tr key={r.disclosureId} data-testid={`ready-${r.departmentCode}-${r.fiscalYear}`}>
                    <Td className="tabular">{zhCN.common.yearSuffix(r.fiscalYear)}</Td>
                    <Td>
                      <span className="tabular text-slate-500">{r.departmentCode}</span> {r.departmentName}
                    </Td>
                    <Td>{zhCN.common.revisionN(r.revision)}</Td>
                    <Td className="tabular whitespace-nowrap">{formatDate(r.approvedAt)}</Td>
                    <Td>
                      {canPublish(actor, r) ? (
                        <PublishForm
                          id={r.disclosureId}
                          version={r.version}
                          revision={r.revision}
                          name={`${r.departmentName} ${r.fiscalYear}`}
                          note={r.revisionNote}
                          files={publishedFiles}
                        />
                      ) : null}
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </Card>

        <Card aria-labelledby="published-heading">
          <CardHeader id="published-heading" title={t.publishedHeading} />
          {board.published.length === 0 ? (
            <p className="px-5 py-6 text-sm text-slate-600">{t.publishedEmpty}</p>
          ) : (
            <Table caption={t.publishedHeading}>
              <THead>
                <tr>
                  <Th className="w-24">{zhCN.common.fiscalYear}</Th>
                  <Th>{zhCN.common.department}</Th>
                  <Th className="w-20">{zhCN.common.revision}</Th>
                  <Th className="w-36">{zhCN.common.publishedAt}</Th>
                  <Th className="w-[22rem]">{zhCN.common.actions}</Th>
                </tr>
              </THead>
              <TBody>
                {board.published.map((p) => {
                  const name = `${p.departmentName} ${p.fiscalYear}`;
                  const correcting = p.newest && p.newest.revision > p.revision;
                  return (
                    <Tr key={p.snapshotId} data-testid={`published-${p.departmentCode}-${p.fiscalYear}`}>
                      <Td className="tabular">{zhCN.common.yearSuffix(p.fiscalYear)}</Td>
                      <Td>
                        <span className="tabular text-slate-500">{p.departmentCode}</span> {p.departmentName}
                        {p.note ? <p className="text-xs text-slate-500 [overflow-wrap:anywhere]">{p.note}</p> : null}
                      </Td>
                      <Td>{zhCN.common.revisionN(p.revision)}</Td>
                      <Td className="tabular whitespace-nowrap">{formatDate(p.publishedAt)}</Td>
                      <Td>
                        <div className="flex flex-col gap-2">
                          <Link
                            href={`/public/${p.fiscalYear}/${encodeURIComponent(p.departmentCode)}`}
                            className="text-sm text-brand-700 hover:underline"
                          >
                            {t.view}
                          </Link>
                          {correcting ? (
                            <span className="text-xs text-amber-800">{t.draftInProgress(p.newest.revision)}</span>
                          ) : canOpenRevision(actor, p) ? (
                            <OpenRevisionForm
                              id={p.disclosureId}
                              version={p.version}
                              revision={p.revision}
                              name={name}
                            />
                          ) : null}
                        </div>
                      </Td>
                    </Tr>
                  );
                })}
              </TBody>
            </Table>
          )}
        </Card>
      </div>
    </AppShell>
  );
}
