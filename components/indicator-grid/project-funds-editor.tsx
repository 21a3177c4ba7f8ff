"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { newRowId, type EditableIndicator, type EditableProjectFund } from "@/lib/domain/editable";
import type { IndicatorFramework } from "@/lib/domain/frameworks";
import { groupByProject, type CellComment } from "@/lib/grid/findings-index";
import { adopt, canRedo, canUndo, createHistory, record, redo, undo, type History } from "@/lib/grid/history";
import { gridColumnKeys } from "@/lib/grid/columns";
import type { Cell } from "@/lib/grid/navigation";
import { moveRow } from "@/lib/grid/row-ops";
import { gridMessages } from "@/lib/i18n/zh-CN/grid";
import type { Finding } from "@/lib/rules/finding";
import { Button } from "@/components/ui/button";
import { ProjectCard, type ProjectCardActions, type ProjectField } from "./project-card";
import { GRID_FOCUS_EVENT, type GridFocusDetail } from "./focus-event";
import type { GridFocusRequest } from "./indicator-grid";

const m = gridMessages.projects;

export type ProjectFundsEditorProps = {
  projects: EditableProjectFund[];
  onChange(next: EditableProjectFund[]): void;
  framework: IndicatorFramework;
  findings: Finding[];
  /** The reviewers' comment threads (all of the disclosure's): those on a grid's cells are marked there. */
  comments?: ReadonlyArray<CellComment>;
  /** Where the projects sit in the disclosure, for finding paths: "performance.projects". */
  basePath: string;
  readOnly?: boolean;
  departmentId: string;
  /** The library search route; /api/indicator-library by default. */
  libraryEndpoint?: string;
  /** The disclosure's year: the library then offers the department's rows of earlier years only. */
  fiscalYear?: number;
  /** Text typed at a path that cannot be read (金额 or 权重 "abc"), or null once it is gone: not saved. */
  onInvalidText?(path: string, text: string | null): void;
};

/** Where an undo step happened: a project field, or a cell of a project's grid. */
type Focus = { project: number; cell?: Cell; field?: ProjectField };

/** Typing in a name or goal field more than this long after the last keystroke starts a new undo step. */
const MERGE_MS = 1500;

/**
 * 五、预算绩效信息, part two: the project funds, each with its 绩效目标表. Add, remove and reorder
 * projects; edit name, amount and goal; each open project shows its IndicatorGrid. Undo and redo
 * cover the whole list (a deleted project comes back with its rows), with the history here.
 */
export function ProjectFundsEditor(props: ProjectFundsEditorProps) {
  const { projects, onChange, readOnly = false } = props;
  const [history, setHistory] = useState<History<EditableProjectFund[], Focus>>(() => createHistory(projects));
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(
    () => new Set(projects.length > 0 ? [keyOf(projects[0], 0)] : []),
  );
  const [focusRequest, setFocusRequest] = useState<(GridFocusRequest & { project: number }) | null>(null);
  const lastField = useRef<{ key: string; at: number } | null>(null);

  // A value from outside (a reload, the server's merge) is adopted without an undo step of its own.
  let current = history;
  if (projects !== history.present) {
    current = adopt(history, projects);
    setHistory(current);
  }

  const state = useRef({ history: current, projects, onChange });
  state.current = { history: current, projects, onChange };

  const emit = useCallback((next: EditableProjectFund[], focus: Focus, merge = false) => {
    const h = record(state.current.history, next, focus, { merge });
    state.current.history = h;
    setHistory(h);
    state.current.onChange(next);
  }, []);

  const travel = useCallback((direction: "undo" | "redo") => {
    const { history: h, focus } = (direction === "undo" ? undo : redo)(state.current.history);
    if (h === state.current.history) return;
    state.current.history = h;
    setHistory(h);
    lastField.current = null;
    state.current.onChange(h.present);
    if (focus) {
      setExpanded((prev) => new Set(prev).add(keyOf(h.present[focus.project], focus.project)));
      if (focus.cell)
        setFocusRequest((prev) => ({ project: focus.project, cell: focus.cell!, seq: (prev?.seq ?? 0) + 1 }));
    }
  }, []);

  const actions = useMemo<ProjectCardActions>(
    () => ({
      toggle(index) {
        const key = keyOf(state.current.projects[index], index);
        setExpanded((prev) => {
          const next = new Set(prev);
          if (next.has(key)) next.delete(key);
          else next.add(key);
          return next;
        });
      },
      setField(index, field, value) {
        const list = state.current.projects;
        const fieldKey = `${index}.${field}`;
        const now = Date.now();
        const merge = lastField.current?.key === fieldKey && now - lastField.current.at < MERGE_MS;
        lastField.current = { key: fieldKey, at: now };
        emit(replaceAt(list, index, { ...list[index], [field]: value }), { project: index, field }, merge);
      },
      setIndicators(index: number, rows: EditableIndicator[], cell: Cell) {
        lastField.current = null;
        const list = state.current.projects;
        emit(replaceAt(list, index, { ...list[index], indicators: rows }), { project: index, cell });
      },
      move(index, delta) {
        const list = state.current.projects;
        const to = index + delta;
        if (to < 0 || to >= list.length) return;
        emit(moveRow(list, index, to), { project: to });
      },
      remove(index) {
        const list = state.current.projects;
        if (!window.confirm(m.removeConfirm(list[index]?.name ?? ""))) return;
        emit([...list.slice(0, index), ...list.slice(index + 1)], { project: Math.max(index - 1, 0) });
      },
      undo: () => travel("undo"),
      redo: () => travel("redo"),
    }),
    [emit, travel],
  );

  const addProject = () => {
    const project: EditableProjectFund = { id: newRowId(), name: "", amount: null, goal: "", indicators: [] };
    const next = [...projects, project];
    emit(next, { project: next.length - 1 });
    setExpanded((prev) => new Set(prev).add(keyOf(project, next.length - 1)));
  };

  // The findings list (or any other part of the editor) asks for a cell by its rule path.
  useEffect(() => {
    const onFocus = (e: Event) => {
      const { path } = (e as CustomEvent<GridFocusDetail>).detail;
      // Lazy: a greedy prefix took "….projects[0].indicators" as the list, so a cell's path never matched.
      const match = path.match(/^(.*?)\[(\d+)\](?:\.indicators\[(\d+)\](?:\.(\w+))?)?/);
      if (!match || match[1] !== props.basePath) return;
      const p = Number(match[2]);
      const list = state.current.projects;
      if (!list[p]) return;
      setExpanded((prev) => new Set(prev).add(keyOf(list[p], p)));
      if (match[3] !== undefined) {
        // The grid finds the field among the columns it shows (评（扣）分标准, 权重 and 方向 are not always there).
        const field = gridColumnKeys.find((k) => k === match[4]) ?? "level1";
        setFocusRequest((prev) => ({
          project: p,
          cell: { row: Number(match[3]), col: 0 },
          field,
          seq: (prev?.seq ?? 0) + 1,
        }));
      }
    };
    window.addEventListener(GRID_FOCUS_EVENT, onFocus);
    return () => window.removeEventListener(GRID_FOCUS_EVENT, onFocus);
  }, [props.basePath]);

  const byProject = useMemo(() => groupByProject(props.findings, props.basePath), [props.findings, props.basePath]);
  const commentsByProject = useMemo(
    () => groupByProject(props.comments ?? [], props.basePath),
    [props.comments, props.basePath],
  );
  const indicatorCount = projects.reduce((n, p) => n + p.indicators.length, 0);
  const allOpen = projects.length > 0 && projects.every((p, i) => expanded.has(keyOf(p, i)));

  return (
    <div className="space-y-3" data-testid="project-funds-editor">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="tabular text-sm text-slate-600">{m.count(projects.length, indicatorCount)}</p>
        <div className="flex gap-2">
          {projects.length > 1 ? (
            <Button
              variant="ghost"
              size="sm"
              onClick={() => setExpanded(allOpen ? new Set() : new Set(projects.map(keyOf)))}
            >
              {allOpen ? m.collapseAll : m.expandAll}
            </Button>
          ) : null}
          {readOnly ? null : (
            <Button variant="secondary" size="sm" onClick={addProject}>
              ＋ {m.add}
            </Button>
          )}
        </div>
      </div>
      {projects.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">
          {m.empty}
        </p>
      ) : null}
      {projects.map((project, index) => (
        <ProjectCard
          key={keyOf(project, index)}
          project={project}
          index={index}
          count={projects.length}
          expanded={expanded.has(keyOf(project, index))}
          findings={byProject.get(index)}
          comments={commentsByProject.get(index)}
          basePath={props.basePath}
          framework={props.framework}
          readOnly={readOnly}
          departmentId={props.departmentId}
          libraryEndpoint={props.libraryEndpoint}
          fiscalYear={props.fiscalYear}
          canUndo={canUndo(current)}
          canRedo={canRedo(current)}
          focusRequest={focusRequest?.project === index ? focusRequest : null}
          actions={actions}
          onInvalidText={props.onInvalidText}
        />
      ))}
    </div>
  );
}

/** Projects are told apart by id; one that has none yet (a fresh import) by its place. */
function keyOf(project: EditableProjectFund | undefined, index: number): string {
  return project?.id ?? `position-${index}`;
}

function replaceAt<T>(list: ReadonlyArray<T>, index: number, item: T): T[] {
  const out = [...list];
  out[index] = item;
  return out;
}
