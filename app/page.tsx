import Link from "next/link";
import { getDb } from "@/db/client";
import { listPublicDisclosures, type PublicListing } from "@/db/queries/portal";
import { zhCN } from "@/lib/i18n/zh-CN";
import { formatDate } from "@/lib/i18n/format";
import { AppShell, PageHeader } from "@/components/app-shell";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { getActor } from "./_server/session";

// Reads the database: rendered per request, never at build time.
export const dynamic = "force-dynamic";

/**
 * The public portal's front page: each department's latest published revision by year (the
 * portal's own list, db/queries/portal.ts), readable without signing in.
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
            <Card key={year} aria-labelledby={`year-${year}`}>
              <CardHeader id={`year-${year}`} title={zhCN.portal.yearHeading(year)} description={zhCN.portal.countInYear(items.length)} />
              <Table caption={zhCN.portal.yearHeading(year)}>
                <THead>
                  <tr>
                    <Th className="w-28">{zhCN.common.departmentCode}</Th>
                    <Th>{zhCN.common.department}</Th>
                    <Th className="w-24">{zhCN.common.revision}</Th>
                    <Th className="w-40">{zhCN.common.publishedAt}</Th>
                  </tr>
                </THead>
                <TBody>
                  {items.map((item) => (
                    <Tr key={item.snapshotId}>
                      <Td className="tabular">{item.departmentCode}</Td>
                      <Td>
                        <Link href={`/disclosures/${item.disclosureId}`} className="text-brand-700 underline-offset-2 hover:underline">
                          {item.departmentName}
                          {zhCN.portal.disclosureSuffix(year)}
                        </Link>
                      </Td>
                      <Td>{zhCN.common.revisionN(item.revision)}</Td>
                      <Td className="tabular">{formatDate(item.publishedAt)}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            </Card>
          ))}
        </div>
      )}
    </AppShell>
  );
}
