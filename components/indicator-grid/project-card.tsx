"use client";

import { memo, useMemo } from "react";
import type { EditableIndicator, EditableProjectFund } from "@/lib/domain/editable";
import type { IndicatorFramework } from "@/lib/domain/frameworks";
import { formatAmount } from "@/lib/domain/money";
import { gridColumnKeys } from "@/lib/grid/columns";
import { countBySeverity, indexProjectFindings, type CellComment } from "@/lib/grid/findings-index";
import type { Cell } from "@/lib/grid/navigation";
import { gridMessages } from "@/lib/i18n/zh-CN/grid";
import type { Finding } from "@/lib/rules/finding";
import { gradeProject } from "@/lib/rules/grades";
import { reviewMessages } from "@/lib/i18n/zh-CN/review";
import { DimensionScores, GradeBadge } from "@/components/grade-badge";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { IndicatorGrid, type GridFocusRequest } from "./indicator-grid";
import { AmountField, TextField } from "./project-fields";

const m = gridMessages.projects;

export type ProjectField = "name" | "amount" | "goal";

export type ProjectCardActions = {
  toggle(index: number): void;
  setField(index: number, field: ProjectField, value: string | null): void;
  setIndicators(index: number, rows: EditableIndicator[], focus: Cell): void;
  move(index: number, delta: -1 | 1): void;
  remove(index: number): void;
  undo(): void;
  redo(): void;
};

type Props = {
  project: EditableProjectFund;
  index: number;
  count: number;
  expanded: boolean;
  findings: ReadonlyArray<Finding> | undefined;
  comments: ReadonlyArray<CellComment> | undefined;
  basePath: string;
  framework: IndicatorFramework;
  readOnly: boolean;
  departmentId: string;
  libraryEndpoint?: string;
  fiscalYear?: number;
  canUndo: boolean;
  canRedo: boolean;
  focusRequest: GridFocusRequest | null;
  actions: ProjectCardActions;
  /** Text typed at a path that cannot be read (金额 "abc"), or null once it is gone: not saved. */
  onInvalidText?(path: string, text: string | null): void;
};

/**
 * One project fund: a header line (name, amount, count of rows and findings) that opens to the
 * project's own fields and its indicator grid. Closed cards render no grid, so a disclosure of a
 * hundred projects stays quick to type in.
 */
export const ProjectCard = memo(function ProjectCard(props: Props) {
  const { project, index, expanded, findings, comments, actions, readOnly } = props;
  const path = `${props.basePath}[${index}]`;
  const counts = countBySeverity(findings);
  // The grade follows the checks: they rerun a beat behind the keyboard, and so does it.
  const graded = useMemo(() => gradeProject(findings ?? []), [findings]);
  const cellFindings = useMemo(
    () => indexProjectFindings(findings ?? [], props.basePath, index, gridColumnKeys),
    [findings, props.basePath, index],
  );
  const cellComments = useMemo(
    () => (comments ? indexProjectFindings(comments, props.basePath, index, gridColumnKeys) : undefined),
    [comments, props.basePath, index],
  );
  const openComments = comments?.filter((c) => !c.resolved).length ?? 0;
  const fieldFindings = (field: ProjectField) => (findings ?? []).filter((f) => f.path === `${path}.${field}`);
  const bodyId = `project-${project.id ?? index}-body`;

  return (
    <section
      // An open card off screen is neither laid out nor painted: with a hundred open grids a
      // keystroke would otherwise re-lay the whole page (see the grid-keystroke bench).
      className={cn(
        "rounded-lg border border-slate-200 bg-white shadow-sm",
        expanded && "[contain-intrinsic-size:auto_48rem] [content-visibility:auto]",
      )}
      data-path={path}
      aria-label={project.name || m.unnamed}
    >
      <header className="flex items-center gap-2 px-3 py-2">
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={() => actions.toggle(index)}
          className="flex min-w-0 flex-1 items-center gap-2 rounded px-1 py-1 text-left hover:bg-slate-50"
        >
          <span
            aria-hidden
            className={cn("inline-block w-3 text-slate-500 transition-transform", expanded && "rotate-90")}
          >
            ▸
          </span>
          <span className="tabular w-7 shrink-0 text-sm text-slate-500">{index + 1}.</span>
          <span
            className={cn(
              "min-w-0 flex-1 truncate text-sm font-medium",
              project.name ? "text-slate-900" : "text-slate-400",
            )}
          >
            {project.name || m.unnamed}
          </span>
          <span className="amount w-28 shrink-0 text-sm text-slate-700">
            {project.amount ? `${formatAmount(project.amount)} 万元` : ""}
          </span>
          <span className="tabular w-20 shrink-0 text-right text-xs text-slate-500">
            {m.indicatorsN(project.indicators.length)}
          </span>
          <span className="flex w-40 shrink-0 justify-end gap-1">
            {openComments > 0 ? <Badge tone="progress">{gridMessages.comments.countN(openComments)}</Badge> : null}
            {counts.error > 0 ? <Badge tone="danger">{m.errorsN(counts.error)}</Badge> : null}
            {counts.warning > 0 ? <Badge tone="warning">{m.warningsN(counts.warning)}</Badge> : null}
          </span>
          <GradeBadge graded={graded} className="w-7 shrink-0 text-right" />
        </button>
        {readOnly ? null : (
          <span className="flex shrink-0 gap-0.5">
            <IconButton label={m.moveUp} disabled={index === 0} onClick={() => actions.move(index, -1)}>
              ↑
            </IconButton>
            <IconButton label={m.moveDown} disabled={index === props.count - 1} onClick={() => actions.move(index, 1)}>
              ↓
            </IconButton>
            <IconButton label={m.remove} danger onClick={() => actions.remove(index)}>
              ✕
            </IconButton>
          </span>
        )}
      </header>
      {expanded ? (
        <div id={bodyId} className="space-y-3 border-t border-slate-200 px-4 py-3">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1" title={reviewMessages.grading.breakdown}>
            <span className="text-xs font-medium text-slate-700">
              {reviewMessages.grading.badge(reviewMessages.grading.grades[graded.grade], graded.score)}
            </span>
            <DimensionScores graded={graded} />
            {reviewMessages.grading.consequence[graded.grade] ? (
              <span className="text-xs text-orange-800">{reviewMessages.grading.consequence[graded.grade]}</span>
            ) : null}
          </div>
          <div className="grid gap-3 md:grid-cols-[minmax(0,1fr)_12rem]">
            <TextField
              label={m.name}
              value={project.name}
              readOnly={readOnly}
              findings={fieldFindings("name")}
              path={`${path}.name`}
              onChange={(v) => actions.setField(index, "name", v)}
            />
            <AmountField
              value={project.amount}
              readOnly={readOnly}
              findings={fieldFindings("amount")}
              path={`${path}.amount`}
              onChange={(v) => actions.setField(index, "amount", v)}
              onInvalidText={props.onInvalidText}
            />
          </div>
          <TextField
            label={m.goal}
            value={project.goal}
            readOnly={readOnly}
            multiline
            findings={fieldFindings("goal")}
            path={`${path}.goal`}
            onChange={(v) => actions.setField(index, "goal", v)}
          />
          <IndicatorGrid
            rows={project.indicators}
            onChange={(rows, focus) => actions.setIndicators(index, rows, focus)}
            framework={props.framework}
            findings={cellFindings}
            comments={cellComments}
            pathPrefix={path}
            label={gridMessages.grid.label(project.name)}
            readOnly={readOnly}
            onUndo={actions.undo}
            onRedo={actions.redo}
            canUndo={props.canUndo}
            canRedo={props.canRedo}
            focusRequest={props.focusRequest}
            departmentId={props.departmentId}
            libraryEndpoint={props.libraryEndpoint}
            fiscalYear={props.fiscalYear}
            onInvalidText={props.onInvalidText}
          />
        </div>
      ) : null}
    </section>
  );
});

function IconButton({
  label,
  disabled,
  danger,
  onClick,
  children,
}: {
  label: string;
  disabled?: boolean;
  danger?: boolean;
  onClick(): void;
  children: string;
}) {
  return (
    <button
      type="button"
      title={label}
      aria-label={label}
      disabled={disabled}
      onClick={onClick}
      className={cn(
        "flex h-7 w-7 items-center justify-center rounded text-sm text-slate-600 hover:bg-slate-100 disabled:opacity-30",
        danger && "hover:bg-red-50 hover:text-red-700",
      )}
    >
      {children}
    </button>
  );
}
