import { Fragment, type ReactNode } from "react";
import type { Finding } from "@/lib/rules/finding";
import { performanceCycleMessages as pm } from "@/lib/i18n/zh-CN/performance-cycle";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** One column of a project's rows: its header and what each row shows in it. */
export type Column = { header: string; cell: (row: number, label: string) => ReactNode };
type Row = { key: string; label: string; target: string; findings: Finding[] };

/**
 * A project's indicator rows, the published target beside what the department reports, and the
 * checks' findings under the row they are about.
 */
export function ReportTable({ caption, columns, rows }: { caption: string; columns: Column[]; rows: Row[] }) {
  return (
    <ScrollRegion label={caption}>
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {pm.report.indicator}
            </th>
            <th scope="col" className="w-28 px-3 py-2 font-medium">
              {pm.report.target}
            </th>
            {columns.map((c) => (
              <th key={c.header} scope="col" className="px-3 py-2 font-medium">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <Fragment key={row.key}>
              <tr className="border-t border-slate-100 align-top" data-row={row.key}>
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  {row.label}
                </th>
                <td className="px-3 py-2 tabular">{row.target}</td>
                {columns.map((c) => (
                  <td key={c.header} className="px-2 py-1.5">
                    {c.cell(i, row.label)}
                  </td>
                ))}
              </tr>
              {row.findings.length > 0 ? (
                <tr>
                  <td colSpan={columns.length + 2} className="px-3 pb-2">
                    <ul className="text-xs">
                      {row.findings.map((f) => (
                        <li
                          key={`${f.rule}/${f.path}`}
                          className={f.severity === "error" ? "text-red-700" : "text-amber-800"}
                        >
                          {/* The alert inside the item: a list holds only items (WCAG 1.3.1). */}
                          <span role={f.severity === "error" ? "alert" : undefined}>{f.message}</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
