"use client";

import type { EditableIndicator } from "@/lib/domain/editable";
import type { GridColumnKey } from "@/lib/grid/columns";
import type { CellComments, CellFindings } from "@/lib/grid/findings-index";
import type { Cell } from "@/lib/grid/navigation";
import { readTarget } from "@/lib/grid/target-display";
import { gridMessages } from "@/lib/i18n/zh-CN/grid";
import { cn } from "@/components/ui/cn";
import { useTargetSpread } from "./target-spread-context";

/**
 * The line under the grid: the reviewers' comments on the active cell and what the checks say
 * about it (the side notes of the corner and the red or amber mark, read out as the cursor
 * arrives), else how the 指标值 was understood, else how to use the grid; and the counts.
 */
export function GridStatus(props: {
  rows: ReadonlyArray<EditableIndicator>;
  cell: Cell;
  columns: ReadonlyArray<GridColumnKey>;
  findings: CellFindings;
  comments: CellComments;
  weightTotal: string | null;
  readOnly: boolean;
}) {
  const { rows, cell, columns, findings, comments } = props;
  const key = columns[cell.col];
  const row = rows[cell.row];
  const here = row ? [...(findings.cells.get(`${cell.row}:${key}`) ?? []), ...(findings.rows.get(cell.row) ?? [])] : [];
  const said = row ? [...(comments.cells.get(`${cell.row}:${key}`) ?? []), ...(comments.rows.get(cell.row) ?? [])] : [];
  const reading = row && key === "target" ? readTarget(row.target) : null;
  const compared = useTargetSpread(key === "target" ? row?.name : undefined, row?.target);
  return (
    <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 border-t border-slate-200 bg-slate-50 px-3 py-1.5 text-xs">
      <div aria-live="polite" className="min-w-0 flex-1" data-testid="grid-status">
        {said.length > 0 ? (
          <ul data-testid="grid-status-comments">
            {said.map((c, i) => (
              <li key={i} className={c.resolved ? "text-slate-600" : "text-amber-900"}>
                <span className="font-medium">{gridMessages.comments.head(c.author, c.resolved)}</span>
                <span className="whitespace-pre-wrap">{c.body}</span>
                {i === said.length - 1 ? <span className="text-slate-600"> {gridMessages.comments.where}</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
        {here.length > 0 ? (
          <ul>
            {here.map((f, i) => (
              <li
                key={i}
                className={cn(
                  f.severity === "error"
                    ? "text-red-800"
                    : f.severity === "warning"
                      ? "text-amber-900"
                      : "text-slate-700",
                )}
              >
                <span className="font-medium">{gridMessages.findings[f.severity]}</span>：{f.message}
                {f.hint ? <span className="text-slate-600">（{f.hint}）</span> : null}
              </li>
            ))}
          </ul>
        ) : reading && reading.tone !== "empty" ? (
          <p className={reading.tone === "unparsed" ? "text-red-800" : "text-slate-700"}>
            {gridMessages.columns.target}：<span className="tabular font-medium">{reading.text}</span>
          </p>
        ) : said.length > 0 || compared ? null : (
          <p className="text-slate-500">{props.readOnly ? gridMessages.grid.readOnly : gridMessages.grid.help}</p>
        )}
        {compared ? <SpreadNote {...compared} /> : null}
      </div>
      <p className="tabular shrink-0 text-slate-600">
        {gridMessages.grid.rowCount(rows.length)}
        {props.weightTotal !== null ? ` · ${gridMessages.grid.weightTotal(props.weightTotal)}` : ""}
      </p>
    </div>
  );
}

function SpreadNote({ line, outlier }: NonNullable<ReturnType<typeof useTargetSpread>>) {
  const v = (value: string) => `${value}${line.unit}`;
  return (
    <p className="text-slate-700" data-testid="grid-spread" data-outlier={outlier ?? undefined}>
      {gridMessages.grid.spread(v(line.min), v(line.median), v(line.max), line.departments)}
      {line.earlier ? (
        <span data-testid="grid-spread-earlier">
          {gridMessages.grid.spreadEarlier(
            line.earlier.from,
            line.earlier.to,
            v(line.earlier.min),
            v(line.earlier.median),
            v(line.earlier.max),
          )}
        </span>
      ) : null}
      {outlier ? <span className="ml-2 font-medium text-sky-800">{gridMessages.grid.outlier[outlier]}</span> : null}
    </p>
  );
}
