import Link from "next/link";
import type { ReportRow } from "@/db/queries/performance-reports";
import { formatDateTime } from "@/lib/i18n/format";
import { performanceCycleMessages as pm } from "@/lib/i18n/zh-CN/performance-cycle";
import { zhCN } from "@/lib/i18n/zh-CN";
import { isSubmittedOrBeyond } from "@/lib/workflow/states";
import { Deadline } from "@/components/deadline";
import { StateBadge } from "@/components/state-badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

/**
 * The 运行监控 and 自评 reports a person works on: a clerk's departments (on /workbench), an
 * approver's desk (on /review). Nothing is shown until a round is open.
 */
export function ReportList({ rows, intro, action }: { rows: ReportRow[]; intro: string; action: string }) {
  if (rows.length === 0) return null;
  return (
    <Card className="mt-6" aria-labelledby="performance-reports">
      <CardHeader id="performance-reports" title={pm.list.title} description={intro} />
      <Table caption={pm.list.title}>
        <THead>
          <tr>
            <Th className="w-24">{pm.list.year}</Th>
            <Th className="w-28">{pm.list.kind}</Th>
            <Th>{zhCN.common.department}</Th>
            <Th className="w-28">{zhCN.common.state}</Th>
            <Th className="w-56">{zhCN.common.deadline}</Th>
            <Th className="w-24">{pm.progress.grade}</Th>
            <Th className="w-44">{zhCN.common.updatedAt}</Th>
            <Th className="w-20">
              <span className="sr-only">{zhCN.common.actions}</span>
            </Th>
          </tr>
        </THead>
        <TBody>
          {rows.map((row) => (
            <Tr key={row.id}>
              <Td className="tabular">{zhCN.common.yearSuffix(row.fiscalYear)}</Td>
              <Td>{pm.kinds[row.kind]}</Td>
              <Td>{row.departmentName}</Td>
              <Td>
                <StateBadge state={row.state} />
              </Td>
              <Td>
                <Deadline date={row.dueDate} done={isSubmittedOrBeyond(row.state)} />
              </Td>
              <Td className="tabular">{row.grade ? `${row.grade}（${row.score}）` : pm.report.none}</Td>
              <Td className="tabular text-slate-600">{formatDateTime(row.updatedAt)}</Td>
              <Td>
                <Link
                  href={`/performance/${row.id}`}
                  className="font-medium text-brand-700 underline-offset-2 hover:underline"
                  aria-label={`${action}：${pm.report.title(row.fiscalYear, row.kind, row.departmentName)}`}
                >
                  {action}
                </Link>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
