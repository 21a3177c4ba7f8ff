import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { getDb } from "@/db/client";
import { listPublicDisclosures, publishedYears, type PublicListing } from "@/db/queries/portal";
import { formatDate } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/zh-CN";
import { getActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { PortalList } from "@/components/portal/portal-list";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: zhCN.portal.title };

type Props = { searchParams: Promise<{ year?: string | string[] }> };

const yearOf = z.coerce.number().int().min(1990).max(2200).optional();

/** The public portal: published disclosures by year and department, each department's latest revision. */
export default async function PublicPortalPage({ searchParams }: Props) {
  const asked = (await searchParams).year;
  const parsed = yearOf.safeParse(Array.isArray(asked) ? asked[0] : asked || undefined);
  const fiscalYear = parsed.success ? parsed.data : undefined;
  const db = getDb();
  const [actor, years, listing] = await Promise.all([
    getActor(),
    publishedYears(db),
    listPublicDisclosures(db, { fiscalYear }),
  ]);
  const byYear = new Map<number, PublicListing[]>();
  for (const item of listing) byYear.set(item.fiscalYear, [...(byYear.get(item.fiscalYear) ?? []), item]);

  return (
    <AppShell user={actor}>
      <PageHeader title={zhCN.portal.title} description={zhCN.portal.intro} />
      {years.length > 1 ? (
        <nav aria-label={zhCN.portal.yearsLabel} className="mb-4 flex flex-wrap gap-2 text-sm">
          <YearLink href="/public" active={fiscalYear === undefined} label={zhCN.portal.allYears} />
          {years.map((y) => (
            <YearLink key={y} href={`/public?year=${y}`} active={fiscalYear === y} label={zhCN.common.yearSuffix(y)} />
          ))}
        </nav>
      ) : null}
      {byYear.size === 0 ? (
        <Card className="px-5 py-10 text-center text-sm text-slate-600">{zhCN.portal.empty}</Card>
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
