import Link from "next/link";
import type { PublicListing } from "@/db/queries/portal";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

const t = zhCN.portal;

/**
 * One year of the portal: each department's latest published revision, corrections marked. On a
 * phone the code and the revision go under the title, so the title keeps the width to read.
 */
export function PortalList({ year, items }: { year: number; items: Array<PublicListing & { publishedOn: string }> }) {
  return (
    <Card aria-labelledby={`year-${year}`}>
      <CardHeader id={`year-${year}`} title={t.yearHeading(year)} description={t.countInYear(items.length)} />
      <Table caption={t.yearHeading(year)}>
        <THead>
          <tr>
            <Th className="hidden w-28 sm:table-cell">{zhCN.common.departmentCode}</Th>
            <Th>{zhCN.common.department}</Th>
            <Th className="hidden w-36 sm:table-cell">{zhCN.common.revision}</Th>
            <Th className="w-32 whitespace-nowrap sm:w-40">{zhCN.common.publishedAt}</Th>
          </tr>
        </THead>
        <TBody>
          {items.map((item) => {
            const revision =
              item.revision > 1 ? (
                <span className="text-amber-800">{t.corrected(item.revision)}</span>
              ) : (
                zhCN.common.revisionN(item.revision)
              );
            return (
              <Tr key={item.snapshotId}>
                <Td className="tabular hidden sm:table-cell">{item.departmentCode}</Td>
                <Td className="[overflow-wrap:anywhere]">
                  <Link
                    href={`/public/${item.fiscalYear}/${encodeURIComponent(item.departmentCode)}`}
                    className="text-brand-700 underline-offset-2 hover:underline"
                  >
                    {item.title || `${item.departmentName}${t.disclosureSuffix(year)}`}
                  </Link>
                  <span className="mt-0.5 block text-xs text-slate-600 sm:hidden">
                    <span className="tabular">{item.departmentCode}</span> · {revision}
                  </span>
                </Td>
                <Td className="hidden sm:table-cell">{revision}</Td>
                <Td className="tabular whitespace-nowrap">{item.publishedOn}</Td>
              </Tr>
            );
          })}
        </TBody>
      </Table>
    </Card>
  );
}
