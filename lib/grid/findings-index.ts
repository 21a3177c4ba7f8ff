import type { Finding, Severity } from "../rules/finding";

/**
 * The rule engine's findings placed at the grid's cells. Paths are the engine's canonical form
 * (`performance.projects[3].indicators[2].target`), so a cell looks its findings up by the path
 * it stands for; findings on a whole row or on the project's table go to the row or the table.
 */
export type CellFindings = {
  /** `${row}:${field}` → findings on that cell */
  cells: Map<string, Finding[]>;
  /** row → findings on the row itself or on a field the grid has no column for */
  rows: Map<number, Finding[]>;
  /** findings on the project fund's table as a whole (`…indicators`) or its own fields */
  table: Finding[];
};

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The findings of project `p` of the list at `basePath` ("performance.projects"). */
export function indexProjectFindings(findings: ReadonlyArray<Finding>, basePath: string, p: number, gridFields: ReadonlyArray<string>): CellFindings {
  const prefix = `${basePath}[${p}]`;
  const out: CellFindings = { cells: new Map(), rows: new Map(), table: [] };
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

function push<K>(map: Map<K, Finding[]>, key: K, f: Finding): void {
  const list = map.get(key);
  if (list) list.push(f);
  else map.set(key, [f]);
}

/** The worst severity among findings, for the mark's colour. */
export function worstSeverity(findings: ReadonlyArray<Finding> | undefined): Severity | null {
  if (!findings || findings.length === 0) return null;
  return findings.reduce<Severity>((worst, f) => (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[worst] ? f.severity : worst), "info");
}

/** One pass over all findings: project index → its findings (the editor renders 100 projects). */
export function groupByProject(findings: ReadonlyArray<Finding>, basePath: string): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>();
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
