import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { getDb } from "@/db/client";
import { listPublicDisclosures, PORTAL_QUERY_MAX, publishedYears, type PublicListing } from "@/db/queries/portal";
import { formatDate } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/zh-CN";
import { getActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { PortalList } from "@/components/portal/portal-list";
import { PortalSearch } from "@/components/portal/portal-search";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: zhCN.portal.title };

type Props = { searchParams: Promise<{ year?: string | string[]; q?: string | string[] }> };

const yearOf = z.coerce.number().int().min(1990).max(2200).optional();
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The public portal: published disclosures by year and department, each department's latest
 * revision; found by department and year with a plain GET form (?q=…&year=…), so it works without
 * JavaScript and a search can be bookmarked.
 */
export default async function PublicPortalPage({ searchParams }: Props) {
  const asked = await searchParams;
  const parsed = yearOf.safeParse(first(asked.year) || undefined);
  const fiscalYear = parsed.success ? parsed.data : undefined;
  const q = (first(asked.q) ?? "").trim().slice(0, PORTAL_QUERY_MAX);
  const db = getDb();
  const [actor, years, listing] = await Promise.all([
    getActor(),
    publishedYears(db),
    listPublicDisclosures(db, { fiscalYear, q }),
  ]);
  const byYear = new Map<number, PublicListing[]>();
  for (const item of listing) byYear.set(item.fiscalYear, [...(byYear.get(item.fiscalYear) ?? []), item]);
  const s = zhCN.portal.search;
  const withQuery = (href: string) => (q ? `${href}${href.includes("?") ? "&" : "?"}q=${encodeURIComponent(q)}` : href);

  return (
    <AppShell user={actor}>
      <PageHeader title={zhCN.portal.title} description={zhCN.portal.intro} />
      <PortalSearch q={q} year={fiscalYear} years={years} />
      {years.length > 1 ? (
        <nav aria-label={zhCN.portal.yearsLabel} className="mb-4 flex flex-wrap gap-2 text-sm">
          <YearLink href={withQuery("/public")} active={fiscalYear === undefined} label={zhCN.portal.allYears} />
          {years.map((y) => (
            <YearLink
              key={y}
              href={withQuery(`/public?year=${y}`)}
              active={fiscalYear === y}
              label={zhCN.common.yearSuffix(y)}
            />
          ))}
        </nav>
      ) : null}
      {q && listing.length > 0 ? (
        <p role="status" className="mb-3 text-sm text-slate-600">
          {s.found(q, listing.length)}
        </p>
      ) : null}
      {byYear.size === 0 ? (
        <Card role={q ? "status" : undefined} className="px-5 py-10 text-center text-sm text-slate-600">
          {q ? s.none(q) : zhCN.portal.empty}
        </Card>
      ) : (
        <div className="space-y-6">
          {[...byYear].map(([year, items]) => (
            <PortalList
              key={year}
              year={year}
              items={items.map((i) => ({ ...i, publishedOn: formatDate(i.publishedAt) }))}
            />
          ))}
        </div>
      )}
    </AppShell>
  );
}

function YearLink({ href, active, label }: { href: string; active: boolean; label: string }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={
        active
          ? "rounded-full bg-brand-700 px-3 py-1 text-white"
          : "rounded-full border border-slate-300 bg-white px-3 py-1 text-slate-700 hover:bg-slate-50"
      }
    >
      {label}
    </Link>
  );
}
