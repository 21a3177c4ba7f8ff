"use client";

import { memo, useEffect, useMemo, useRef, useState } from "react";
import type { EditableIndicator, EditableProjectFund } from "@/lib/domain/editable";
import type { IndicatorFramework } from "@/lib/domain/frameworks";
import { formatAmount, normaliseNumber, parseAmount } from "@/lib/domain/money";
import { gridColumnKeys } from "@/lib/grid/columns";
import { countBySeverity, indexProjectFindings, type CellComment } from "@/lib/grid/findings-index";
import type { Cell } from "@/lib/grid/navigation";
import { gridMessages } from "@/lib/i18n/zh-CN/grid";
import type { Finding } from "@/lib/rules/finding";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { IndicatorGrid } from "./indicator-grid";

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
  focusRequest: { cell: Cell; seq: number } | null;
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

function FieldNotes({ findings, error }: { findings: ReadonlyArray<Finding>; error?: string | null }) {
  if (!error && findings.length === 0) return null;
  return (
    <ul className="mt-1 text-xs">
      {error ? <li className="text-red-800">{error}</li> : null}
      {findings.map((f, i) => (
        <li key={i} className={f.severity === "error" ? "text-red-800" : "text-amber-900"}>
          {f.message}
        </li>
      ))}
    </ul>
  );
}

const inputClass = (invalid: boolean) =>
  cn(
    "block w-full rounded-md border bg-white px-3 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600 read-only:bg-slate-50",
    invalid ? "border-red-600" : "border-slate-300",
  );

function TextField(props: {
  label: string;
  value: string;
  readOnly: boolean;
  multiline?: boolean;
  findings: ReadonlyArray<Finding>;
  path: string;
  onChange(v: string): void;
}) {
  const invalid = props.findings.some((f) => f.severity === "error");
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the label wraps its input or textarea, chosen below.
    <label className="block" data-path={props.path}>
      <span className="mb-1 block text-xs font-medium text-slate-700">{props.label}</span>
      {props.multiline ? (
        <textarea
          rows={2}
          value={props.value}
          readOnly={props.readOnly}
          aria-invalid={invalid || undefined}
          onChange={(e) => props.onChange(e.target.value)}
          className={inputClass(invalid)}
        />
      ) : (
        <input
          value={props.value}
          readOnly={props.readOnly}
          aria-invalid={invalid || undefined}
          onChange={(e) => props.onChange(e.target.value)}
          className={inputClass(invalid)}
        />
      )}
      <FieldNotes findings={props.findings} />
    </label>
  );
}

/** Amounts are typed freely (`1,000`, full-width digits) and read on leaving the field; unreadable text stays for correction. */
function AmountField(props: {
  value: string | null;
  readOnly: boolean;
  findings: ReadonlyArray<Finding>;
  path: string;
  onChange(v: string | null): void;
  onInvalidText?(path: string, text: string | null): void;
}) {
  const [draft, setDraft] = useState(props.value ?? "");
  const [error, setError] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  // A value from outside (undo, a merge) replaces the draft when the field is not being typed in;
  // leaving the field does not, or an unreadable text would vanish behind its message.
  const shown = useRef(props.value);
  useEffect(() => {
    if (focused || props.value === shown.current) return;
    shown.current = props.value;
    setDraft(props.value ?? "");
    setError(null);
  }, [props.value, focused]);
  // Unreadable text is kept here, not saved: the editor says so until it is corrected or the field goes.
  const { onInvalidText, path } = props;
  const unreadable = error ? draft : null;
  useEffect(() => onInvalidText?.(path, unreadable), [onInvalidText, path, unreadable]);
  useEffect(() => () => onInvalidText?.(path, null), [onInvalidText, path]);
  const invalid = !!error || props.findings.some((f) => f.severity === "error");
  return (
    <label className="block" data-path={props.path}>
      <span className="mb-1 block text-xs font-medium text-slate-700">{m.amount}</span>
      <input
        inputMode="decimal"
        value={draft}
        readOnly={props.readOnly}
        aria-invalid={invalid || undefined}
        onFocus={() => setFocused(true)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          setFocused(false);
          const t = draft.trim();
          if (t === "") {
            setError(null);
            if (props.value !== null) props.onChange(null);
            return;
          }
          // Money has two decimals: a third is a typing mistake to show, not to round away.
          const n = normaliseNumber(t);
          const amount = n !== null && /^-?\d*(\.\d{0,2})?$/.test(n) ? parseAmount(n) : null;
          if (amount === null) {
            setError(m.amountInvalid);
            return;
          }
          setError(null);
          setDraft(amount);
          if (amount !== props.value) props.onChange(amount);
        }}
        className={cn(inputClass(invalid), "amount")}
      />
      <FieldNotes findings={props.findings} error={error} />
    </label>
  );
}
