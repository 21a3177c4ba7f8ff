import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { canStartDisclosure, canUseWorkbench } from "@/lib/auth/policy";
import { draftFromLastYear, frameworkMoveNotes } from "@/lib/import/upload/draft";
import { zhCN } from "@/lib/i18n/zh-CN";
import { checkDisclosure } from "@/lib/rules/engine";
import { UserError } from "@/lib/errors";
import { loadCheckOptions } from "@/db/queries/settings";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { ReadingPreview } from "@/components/import/reading-preview";
import { AcceptBar, StartRefusal } from "../preview-frame";
import { findLastYearSource, loadSourceContent, resolveTarget } from "../start-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: zhCN.imports.preview.lastYearTitle };

type Props = { searchParams: Promise<{ department?: string; year?: string }> };
const params = z.object({ department: z.uuid(), year: z.coerce.number().int().min(2000).max(2100) });

/** Last year's disclosure as the new draft would hold it, before anything is saved. */
export default async function LastYearPreviewPage({ searchParams }: Props) {
  const asked = await searchParams;
  const actor = await requireActor(
    `/workbench/new/last-year?department=${asked.department ?? ""}&year=${asked.year ?? ""}`,
  );
  authorize(canUseWorkbench(actor));
  const parsed = params.safeParse(asked);
  if (!parsed.success) notFound();
  const { department, year } = parsed.data;
  authorize(canStartDisclosure(actor, department));
  const db = getDb();
  const backHref = `/workbench/new?department=${department}&year=${year}`;
  const m = zhCN.imports.preview;

  let page: React.ReactNode;
  try {
    const target = await resolveTarget(db, actor, department, year);
    const source = await findLastYearSource(db, actor, department, year);
    if (!source) throw new UserError(zhCN.imports.refused.noLastYear(year));
    const prior = await loadSourceContent(db, actor, source);
    const draft = draftFromLastYear(prior, target);
    const findings = checkDisclosure(draft, await loadCheckOptions(db));
    const notes = [
      m.lastYearSource(source.fiscalYear, source.revision, zhCN.states[source.state]),
      m.lastYearCarried(source.fiscalYear, year),
      ...frameworkMoveNotes(prior, target.framework),
    ];
    page = (
      <>
        <ReadingPreview
          content={{ kind: "disclosure", disclosure: draft }}
          notes={notes}
          problems={null}
          findings={findings}
        />
        <AcceptBar
          target={m.targetValue(target.department.name, year)}
          backHref={backHref}
          input={{ mode: "last-year", departmentId: department, fiscalYear: year }}
        />
      </>
    );
  } catch (error) {
    page = <StartRefusal error={error} backHref={backHref} />;
  }

  return (
    <AppShell user={actor}>
      <PageHeader title={m.lastYearTitle} description={m.lastYearIntro} />
      {page}
    </AppShell>
  );
}
