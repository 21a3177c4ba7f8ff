import type { Finding, Severity } from "../rules/finding";

/**
 * Things that point at a canonical path (the rule engine's findings, the approver's comments)
 * placed at the grid's cells. Paths are the engine's form
 * (`performance.projects[3].indicators[2].target`), so a cell looks its notes up by the path it
 * stands for; notes on a whole row or on the project's table go to the row or the table.
 */
export type PlacedAtCells<T> = {
  /** `${row}:${field}` → notes on that cell */
  cells: Map<string, T[]>;
  /** row → notes on the row itself or on a field the grid has no column for */
  rows: Map<number, T[]>;
  /** notes on the project fund's table as a whole (`…indicators`) or its own fields */
  table: T[];
};

export type CellFindings = PlacedAtCells<Finding>;

/** A reviewer's comment thread as the grid marks it on its cell (components/editor/review-threads.tsx has the whole thread). */
export type CellComment = { path: string; author: string; body: string; resolved: boolean };
export type CellComments = PlacedAtCells<CellComment>;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The findings (or comments) of project `p` of the list at `basePath` ("performance.projects"). */
export function indexProjectFindings<T extends { path: string }>(
  findings: ReadonlyArray<T>,
  basePath: string,
  p: number,
  gridFields: ReadonlyArray<string>,
): PlacedAtCells<T> {
  const prefix = `${basePath}[${p}]`;
  const out: PlacedAtCells<T> = { cells: new Map(), rows: new Map(), table: [] };
  const rowPattern = /^\.indicators\[(\d+)\](?:\.([A-Za-z]+))?/;
  for (const f of findings) {
    if (!f.path.startsWith(prefix)) continue;
    const rest = f.path.slice(prefix.length);
    if (rest !== "" && !rest.startsWith(".") && !rest.startsWith("[")) continue; // projects[1] is not projects[12]
    const m = rest.match(rowPattern);
    if (!m) {
      out.table.push(f);
      continue;
    }
    const row = Number(m[1]);
    const field = m[2];
    if (field && gridFields.includes(field)) push(out.cells, `${row}:${field}`, f);
    else push(out.rows, row, f);
  }
  return out;
}

function push<K, T>(map: Map<K, T[]>, key: K, f: T): void {
  const list = map.get(key);
  if (list) list.push(f);
  else map.set(key, [f]);
}

/** The worst severity among findings, for the mark's colour. */
export function worstSeverity(findings: ReadonlyArray<Finding> | undefined): Severity | null {
  if (!findings || findings.length === 0) return null;
  return findings.reduce<Severity>(
    (worst, f) => (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[worst] ? f.severity : worst),
    "info",
  );
}

/** One pass over all findings (or comments): project index → its own (the editor renders 100 projects). */
export function groupByProject<T extends { path: string }>(
  findings: ReadonlyArray<T>,
  basePath: string,
): Map<number, T[]> {
  const out = new Map<number, T[]>();
  const prefix = `${basePath}[`;
  for (const f of findings) {
    if (!f.path.startsWith(prefix)) continue;
    const close = f.path.indexOf("]", prefix.length);
    const p = Number(f.path.slice(prefix.length, close));
    if (!Number.isInteger(p)) continue;
    push(out, p, f);
  }
  return out;
}

export function countBySeverity(findings: ReadonlyArray<Finding> | undefined): { error: number; warning: number } {
  let error = 0;
  let warning = 0;
  for (const f of findings ?? []) {
    if (f.severity === "error") error++;
    else if (f.severity === "warning") warning++;
  }
  return { error, warning };
}
