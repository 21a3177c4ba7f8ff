import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { getDb } from "@/db/client";
import { loadClassificationCatalogue } from "@/db/queries/classification";
import { findPublicRevision } from "@/db/queries/portal";
import { formatDate } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/zh-CN";
import { renderPortalPage } from "@/lib/render/portal-page";
import { getActor } from "@/app/_server/session";
import { AppShell } from "@/components/app-shell";
import { Downloads, QuickDownloads } from "@/components/portal/downloads";
import { PublishedDocument } from "@/components/portal/published-document";
import { RevisionHistory } from "@/components/portal/revision-history";
import { publishedSelfEvaluation } from "@/db/queries/performance-reports";
import { performanceCycleMessages } from "@/lib/i18n/zh-CN/performance-cycle";

export const dynamic = "force-dynamic";

const t = zhCN.portal.page;

type Props = {
  params: Promise<{ year: string; code: string }>;
  searchParams: Promise<{ revision?: string | string[] }>;
};

const addressOf = z.object({ year: z.coerce.number().int().min(1990).max(2200), code: z.string().min(1).max(40) });
const revisionOf = z.coerce.number().int().positive().max(1000).optional();

async function load({ params, searchParams }: Props) {
  const address = addressOf.safeParse(await params);
  const asked = (await searchParams).revision;
  const revision = revisionOf.safeParse(Array.isArray(asked) ? asked[0] : asked);
  if (!address.success || !revision.success) return null;
  return revisionOnce(address.data.year, decodeURIComponent(address.data.code), revision.data);
}

/** Once per request: the page and its metadata both ask (it read the snapshot twice). */
const revisionOnce = cache((fiscalYear: number, departmentCode: string, revision: number | undefined) =>
  findPublicRevision(getDb(), { fiscalYear, departmentCode, revision }),
);

export async function generateMetadata(props: Props): Promise<Metadata> {
  const found = await load(props);
  return { title: found ? found.canonical.title : zhCN.portal.title };
}

/**
 * One published disclosure, as the fixture reads: the nine sections, the tables, the charts, the
 * downloads and the revision history (errata). Public, no script needed, prints as the document.
 */
export default async function PublicDisclosurePage(props: Props) {
  const [found, actor] = await Promise.all([load(props), getActor()]);
  if (!found) notFound();
  const d = found.canonical;
  const base = `/public/${found.fiscalYear}/${encodeURIComponent(found.departmentCode)}`;
  // Rendered when it was published; a revision published before pages were stored is rendered
  // here, its tables' 类/款 subtotal rows named by the year's catalogue as in its files.
  const page =
    found.portalPage ??
    renderPortalPage(d, d.tables ? (await loadClassificationCatalogue(getDb(), d.fiscalYear))?.nameOf : undefined);
  const contents = page.contents;
  // The year's published 自评 of these targets, beside them (issue 17).
  const evaluation = await publishedSelfEvaluation(getDb(), found.fiscalYear, found.departmentCode);

  return (
    <AppShell user={actor} wide>
      <nav aria-label={t.breadcrumb} className="no-print mb-3 text-sm text-slate-600">
        <Link href="/public" className="text-brand-700 hover:underline">
          {t.breadcrumb}
        </Link>
        <span aria-hidden> / </span>
        <Link href={`/public?year=${found.fiscalYear}`} className="text-brand-700 hover:underline">
          {zhCN.portal.yearHeading(found.fiscalYear)}
        </Link>
      </nav>
      <div className="no-print mb-4 flex flex-wrap items-baseline gap-x-4 gap-y-1 text-sm text-slate-600">
        <span className="font-medium text-slate-900">{d.department.name}</span>
        <span>{t.revision(found.revision)}</span>
        <span className="tabular whitespace-nowrap">{t.publishedAt(formatDate(found.publishedAt))}</span>
        {found.revision === found.latestRevision ? (
          <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-800">{t.latest}</span>
        ) : null}
      </div>
      {found.revision !== found.latestRevision ? (
        <p
          role="note"
          className="no-print mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900"
        >
          {t.olderRevision(found.latestRevision)}
          <Link href={base} className="font-medium underline">
            {t.readLatest}
          </Link>
        </p>
      ) : null}
      <QuickDownloads files={found.files} base={`${base}/files/${found.revision}`} />
      {/* The document gets the width (the fourteen-column procurement table needs ~900px); sections, downloads and errata sit beside it. */}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_17rem] print:block">
        <div className="min-w-0">
          <PublishedDocument html={page.html} />
        </div>
        <aside className="space-y-4">
          <nav
            aria-label={t.sectionsLabel}
            className="no-print rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
          >
            <p className="mb-2 text-sm font-semibold text-slate-900">{t.sectionsLabel}</p>
            <ol className="space-y-0.5 text-sm">
              {contents.map((s) => (
                <li key={s.id}>
                  <a
                    href={`#section-${s.id}`}
                    className="block rounded px-2 py-1 text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                  >
                    {s.heading}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
          <Downloads files={found.files} base={`${base}/files/${found.revision}`} />
          {evaluation ? (
            <p className="no-print rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
              <Link href={`${base}/performance`} className="font-medium text-brand-700 hover:underline">
                {performanceCycleMessages.portal.link}
              </Link>
              <span className="ml-2 tabular">
                {evaluation.grade}（{evaluation.score}）
              </span>
            </p>
          ) : null}
          <RevisionHistory history={found.history} current={found.revision} base={base} />
        </aside>
      </div>
    </AppShell>
  );
}
