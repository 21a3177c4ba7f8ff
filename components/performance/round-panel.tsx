import Link from "next/link";
import type { RoundProgress } from "@/db/queries/performance-rounds";
import { performanceRoundKinds } from "@/db/schema/performance";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { performanceCycleMessages as pm } from "@/lib/i18n/zh-CN/performance-cycle";
import { StateBadge } from "@/components/state-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { OpenRoundForm } from "./open-round-form";

const stamp = (at: Date | null) => (at ? formatDateTime(at) : pm.report.none);

/**
 * The year's performance cycle on the admin's year overview: open each round, then each
 * department's report (due, late, submitted, approved, published), the 自评 grades and the
 * projects whose execution lags the time.
 */
export function RoundPanel({ year, progress }: { year: number; progress: RoundProgress[] }) {
  return (
    <Card aria-labelledby="performance-cycle">
      <CardHeader id="performance-cycle" title={pm.round.title} description={pm.round.intro} />
      <CardBody className="space-y-6">
        {performanceRoundKinds.map((kind) => {
          const p = progress.find((r) => r.round.kind === kind);
          return (
            <section key={kind} aria-labelledby={`round-${kind}`} className="space-y-3">
              <h3 id={`round-${kind}`} className="font-semibold text-slate-900">
                {pm.kinds[kind]}
              </h3>
              {p ? <RoundProgressView p={p} /> : <OpenRoundForm year={year} kind={kind} />}
            </section>
          );
        })}
      </CardBody>
    </Card>
  );
}

function RoundProgressView({ p }: { p: RoundProgress }) {
  const c = p.counts;
  return (
    <>
      <p className="text-sm text-slate-600">
        {pm.round.openedAt(formatDateTime(p.round.openedAt), formatDate(p.round.dueDate))} ·{" "}
        {pm.progress.counts(c.due, c.late, c.submitted, c.approved, c.published)}
      </p>
      <Table caption={`${pm.kinds[p.round.kind]}${pm.progress.title}`}>
        <THead>
          <tr>
            <Th>{pm.progress.department}</Th>
            <Th className="w-28">{pm.progress.state}</Th>
            <Th className="w-40">{pm.progress.submitted}</Th>
            <Th className="w-40">{pm.progress.approved}</Th>
            <Th className="w-40">{pm.progress.published}</Th>
            {p.round.kind === "self_evaluation" ? <Th className="w-28">{pm.progress.grade}</Th> : null}
          </tr>
        </THead>
        <TBody>
          {p.rows.map((row) => (
            <Tr key={row.id}>
              <Td>
                <Link href={`/performance/${row.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                  {row.departmentName}
                </Link>
              </Td>
              <Td>
                <span className="flex items-center gap-1.5">
                  <StateBadge state={row.state} />
                  {row.late ? <Badge tone="danger">{pm.progress.late}</Badge> : null}
                </span>
              </Td>
              <Td className="tabular">{stamp(row.submittedAt)}</Td>
              <Td className="tabular">{stamp(row.approvedAt)}</Td>
              <Td className="tabular">{stamp(row.publishedAt)}</Td>
              {p.round.kind === "self_evaluation" ? (
                <Td className="tabular">{row.grade ? `${row.grade}（${row.score}）` : pm.report.none}</Td>
              ) : null}
            </Tr>
          ))}
        </TBody>
      </Table>
      {p.round.kind === "self_evaluation" ? (
        <p className="text-sm">
          <span className="font-medium">{pm.progress.gradeDistribution}：</span>
          {Object.values(p.grades).some((n) => n > 0)
            ? pm.grades.map((g) => `${g} ${p.grades[g] ?? 0}`).join(" · ")
            : pm.progress.noGrades}
        </p>
      ) : (
        <div className="text-sm">
          <p className="font-medium">{pm.progress.lagging}</p>
          {p.lagging.length === 0 ? (
            <p className="text-slate-600">{pm.progress.laggingNone}</p>
          ) : (
            <ul className="list-disc pl-5">
              {p.lagging.map((lag) => (
                <li key={`${lag.departmentName}/${lag.projectKey}`}>
                  {lag.departmentName} · {pm.progress.laggingRow(lag.name, `${lag.rate}%`, `${lag.timeProgress}%`)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
