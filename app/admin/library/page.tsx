import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listLibrary, type LibraryRow } from "@/db/queries/library";
import { listFrameworks } from "@/db/queries/settings";
import { canAdminister } from "@/lib/auth/policy";
import { gridMessages } from "@/lib/i18n/zh-CN/grid";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Tabs } from "@/components/ui/tabs";
import { EntryForm } from "./entry-form";
import { EntryStatusForm } from "./status-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: gridMessages.admin.title };

const m = gridMessages.admin;

/**
 * The common indicator library, one framework at a time: what clerks are offered by 一级/二级
 * heading, with a form to add or change an entry and 停用/恢复 (entries are never deleted).
 */
export default async function AdminLibraryPage({
  searchParams,
}: {
  searchParams: Promise<{ framework?: string; edit?: string }>;
}) {
  const actor = await requireActor("/admin/library");
  authorize(canAdminister(actor));
  const db = getDb();
  const params = await searchParams;
  const frameworks = await listFrameworks(db);
  const framework =
    frameworks.find((f) => f.id === params.framework) ?? frameworks.find((f) => f.id === "2021") ?? frameworks[0];
  const rows = framework ? await listLibrary(db, framework.id) : [];
  const editing = params.edit ? rows.find((r) => r.id === params.edit) : undefined;
  const here = `/admin/library?framework=${encodeURIComponent(framework?.id ?? "")}`;

  return (
    <AppShell user={actor}>
      <PageHeader
        title={m.title}
        description={m.intro}
        actions={
          <ButtonLink href="/admin" variant="ghost" size="sm">
            {m.back}
          </ButtonLink>
        }
      />
      <Tabs
        items={frameworks.map((f) => ({ href: `/admin/library?framework=${encodeURIComponent(f.id)}`, label: f.name }))}
        current={framework ? `/admin/library?framework=${encodeURIComponent(framework.id)}` : undefined}
        label={m.framework}
        className="mb-4"
      />
      {framework ? (
        <div className="space-y-6">
          <Card aria-labelledby="library-form">
            <CardHeader
              id="library-form"
              title={editing ? m.editTitle(editing.name) : m.addTitle}
              description={framework.source}
            />
            <CardBody>
              <EntryForm
                key={editing?.id ?? "new"}
                framework={framework}
                cancelHref={here}
                entry={
                  editing
                    ? {
                        id: editing.id,
                        level1: editing.level1,
                        level2: editing.level2,
                        name: editing.name,
                        description: editing.description,
                        target: editing.targetRaw,
                        basis: editing.basis,
                        scoringStandard: editing.scoringStandard,
                      }
                    : undefined
                }
              />
            </CardBody>
          </Card>
          <Card aria-labelledby="library-list">
            <CardHeader id="library-list" title={framework.name} description={m.count(rows.length)} />
            {rows.length === 0 ? (
              <CardBody className="text-sm text-slate-600">{m.empty}</CardBody>
            ) : (
              <LibraryTable rows={rows} here={here} editingId={editing?.id} />
            )}
          </Card>
        </div>
      ) : null}
    </AppShell>
  );
}

function LibraryTable({ rows, here, editingId }: { rows: LibraryRow[]; here: string; editingId?: string }) {
  let lastHeading = "";
  return (
    <Table caption={m.title} className="table-fixed">
      <colgroup>
        <col className="w-[11rem]" />
        <col className="w-[17rem]" />
        <col className="w-[9rem]" />
        <col />
        <col className="w-[5rem]" />
        <col className="w-[8.5rem]" />
      </colgroup>
      <THead>
        <tr>
          <Th>{m.name}</Th>
          <Th>{m.description}</Th>
          <Th>{m.target}</Th>
          <Th>{m.basis}</Th>
          <Th>{m.status}</Th>
          <Th>
            <span className="sr-only">{m.actions}</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {rows.flatMap((r) => {
          const heading = r.active ? m.heading(r.level1, r.level2) : m.retired;
          const out = [];
          if (heading !== lastHeading) {
            lastHeading = heading;
            out.push(
              <tr key={`h-${heading}`} className="bg-slate-50">
                <th colSpan={6} scope="colgroup" className="px-3 py-1.5 text-left text-xs font-medium text-slate-600">
                  {heading}
                </th>
              </tr>,
            );
          }
          out.push(
            <Tr
              key={r.id}
              className={cn(!r.active && "text-slate-500", r.id === editingId && "bg-brand-50")}
              data-testid="library-row"
            >
              <Td className="align-top font-medium break-words">{r.name}</Td>
              <Td className="align-top text-slate-700 break-words">{r.description}</Td>
              <Td className="tabular align-top break-words">{r.targetRaw}</Td>
              <Td className="align-top text-slate-700 break-words">
                {r.active ? r.basis : `${m.heading(r.level1, r.level2)}${r.basis ? ` · ${r.basis}` : ""}`}
                {r.scoringStandard ? (
                  <span className="mt-1 block text-xs text-slate-600">
                    {gridMessages.columns.scoringStandard}：{r.scoringStandard}
                  </span>
                ) : null}
              </Td>
              <Td className="align-top">
                {r.active ? <Badge tone="success">{m.active}</Badge> : <Badge>{m.retired}</Badge>}
              </Td>
              <Td className="align-top whitespace-nowrap">
                <span className="flex items-center gap-1">
                  <Link
                    href={`${here}&edit=${r.id}#library-form`}
                    aria-label={m.editLabel(r.name)}
                    className="px-2 text-sm text-brand-700 underline-offset-2 hover:underline"
                  >
                    {m.edit}
                  </Link>
                  <EntryStatusForm id={r.id} active={r.active} name={r.name} />
                </span>
              </Td>
            </Tr>,
          );
          return out;
        })}
      </TBody>
    </Table>
  );
}
