import { getDb } from "@/db/client";
import { listPublicDisclosures, type PublicListing } from "@/db/queries/portal";
import { formatDate } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/zh-CN";
import { AppShell, PageHeader } from "@/components/app-shell";
import { PortalList } from "@/components/portal/portal-list";
import { Card } from "@/components/ui/card";
import { getActor } from "./_server/session";

// Reads the database: rendered per request, never at build time.
export const dynamic = "force-dynamic";

/**
 * The public portal's front page: each department's latest published revision by year, with the
 * portal's own query and list (db/queries/portal.ts, components/portal/portal-list.tsx), so a title
 * leads to the portal's page of that disclosure (downloads, corrections). No sign-in needed.
 */
export default async function PortalPage() {
  const [actor, published] = await Promise.all([getActor(), listPublicDisclosures(getDb())]);
  const years = new Map<number, PublicListing[]>();
  for (const item of published) years.set(item.fiscalYear, [...(years.get(item.fiscalYear) ?? []), item]);

  return (
    <AppShell user={actor}>
      <PageHeader title={zhCN.portal.title} description={zhCN.portal.intro} />
      {years.size === 0 ? (
        <Card className="px-5 py-10 text-center text-sm text-slate-600">{zhCN.portal.empty}</Card>
      ) : (
        <div className="space-y-6">
          {[...years].map(([year, items]) => (
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
