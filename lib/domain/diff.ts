import { sections, type SectionId } from "./model";
import { deepEqual, isPlainObject, isTarget, outOfOrder, rowIdentity, unionKeys, type RowIdOf } from "./json";
import { comparePaths, describePath, formatPath, sectionIndexOf, type PathSegment } from "./paths";

/**
 * What changed since the last submission, for the approver: by field and by row. Rows with an id
 * are followed by it, so a row that moved (within its table or to another project) is one move
 * plus the cells that changed in it, never a removal and an addition; rows without an id are
 * compared by position.
 */

export type ChangeKind = "added" | "removed" | "changed" | "moved";

export type Change = {
  /** In `after`'s indexes; in `before`'s for a removal. */
  path: string;
  kind: ChangeKind;
  /** The old value (a field, or the whole removed row). */
  before?: unknown;
  /** The new value (a field, or the whole added row). */
  after?: unknown;
  /** For a move: where the row was, in `before`'s indexes. */
  from?: string;
  /** The row the change is in (or is), where rows carry ids: what review comments anchor to. */
  rowId?: string;
  /** zh-CN, e.g. "五、预算绩效信息 › 项目 1「市志编纂业务费」› 指标第 7 行 › 指标值" */
  label: string;
};

type RowIndex = Map<string, { path: PathSegment[]; value: unknown }>;

type Context = {
  idOf: RowIdOf;
  beforeRows: RowIndex;
  afterRows: RowIndex;
  before: unknown;
  after: unknown;
  out: Change[];
};

export function diffDisclosures(before: unknown, after: unknown): Change[] {
  const idOf = rowIdentity(before, after);
  const ctx: Context = {
    idOf,
    beforeRows: indexRows(before, [], new Map(), idOf),
    afterRows: indexRows(after, [], new Map(), idOf),
    before,
    after,
    out: [],
  };
  diffNode(before, after, [], undefined, ctx);
  // Changes come out in document order already except moves and removals; a stable sort settles those.
  return ctx.out.sort((a, b) => comparePaths(a.path, b.path));
}

/** Every row with an id, wherever it sits: a row can move from one project's table to another's. */
function indexRows(node: unknown, at: PathSegment[], into: RowIndex, idOf: RowIdOf): RowIndex {
  if (Array.isArray(node)) {
    node.forEach((element, i) => {
      const id = idOf(element);
      if (id !== undefined) into.set(id, { path: [...at, i], value: element });
      indexRows(element, [...at, i], into, idOf);
    });
  } else if (isPlainObject(node)) {
    for (const key in node) indexRows(node[key], [...at, key], into, idOf);
  }
  return into;
}

function push(ctx: Context, change: Omit<Change, "path" | "label">, path: PathSegment[], inBefore = false): void {
  const entry: Change = {
    path: formatPath(path),
    ...change,
    label: describePath(path, inBefore ? ctx.before : ctx.after),
  };
  if (entry.rowId === undefined) delete entry.rowId;
  ctx.out.push(entry);
}

function diffNode(b: unknown, a: unknown, path: PathSegment[], rowId: string | undefined, ctx: Context): void {
  if (b === a) return;
  if (isTarget(b) && isTarget(a)) {
    if (b.raw !== a.raw) push(ctx, { kind: "changed", before: b, after: a, rowId }, path);
    return;
  }
  if (Array.isArray(b) && Array.isArray(a)) return diffRows(b, a, path, rowId, ctx);
  if (isPlainObject(b) && isPlainObject(a)) {
    for (const key of unionKeys(b, a)) {
      // A row's id is its identity, not its content.
      if (key === "id") continue;
      diffNode(b[key], a[key], [...path, key], rowId, ctx);
    }
    return;
  }
  if (!deepEqual(b, a)) push(ctx, { kind: "changed", before: b, after: a, rowId }, path);
}

/** A row's key within its table: its id, or its position when it has none. */
function rowKeys(rows: ReadonlyArray<unknown>, idOf: RowIdOf): string[] {
  return rows.map((row, i) => idOf(row) ?? `#${i}`);
}

function diffRows(b: unknown[], a: unknown[], path: PathSegment[], outerRow: string | undefined, ctx: Context): void {
  const bKeys = rowKeys(b, ctx.idOf);
  const aKeys = rowKeys(a, ctx.idOf);
  const bAt = new Map(bKeys.map((k, i) => [k, i]));
  const aAt = new Map(aKeys.map((k, i) => [k, i]));
  // Only rows out of the longest common order moved: inserting one row does not move the rows below it.
  const moved = outOfOrder(
    aKeys.filter((k) => bAt.has(k) && !k.startsWith("#")),
    bKeys.filter((k) => aAt.has(k) && !k.startsWith("#")),
  );
  aKeys.forEach((key, j) => {
    const id = ctx.idOf(a[j]);
    const here = [...path, j];
    const i = bAt.get(key);
    if (i !== undefined) {
      if (moved.has(key)) push(ctx, { kind: "moved", from: formatPath([...path, i]), rowId: id }, here);
      return diffNode(b[i], a[j], here, id ?? outerRow, ctx);
    }
    const elsewhere = id !== undefined ? ctx.beforeRows.get(id) : undefined;
    if (elsewhere) {
      push(ctx, { kind: "moved", from: formatPath(elsewhere.path), rowId: id }, here);
      return diffNode(elsewhere.value, a[j], here, id, ctx);
    }
    push(ctx, { kind: "added", after: a[j], rowId: id ?? outerRow }, here);
  });
  bKeys.forEach((key, i) => {
    if (aAt.has(key)) return;
    const id = ctx.idOf(b[i]);
    if (id !== undefined && ctx.afterRows.has(id)) return; // reported where it went
    push(ctx, { kind: "removed", before: b[i], rowId: id ?? outerRow }, [...path, i], true);
  });
}

export type SectionSummary = {
  /** null for the document's heading fields (title, preamble, department) before section 一 */
  section: SectionId | null;
  title: string;
  added: number;
  removed: number;
  changed: number;
  moved: number;
  total: number;
};

/** Counts per section, in the order the disclosure prints them; sections without changes are left out. */
export function summariseChanges(changes: ReadonlyArray<Change>): SectionSummary[] {
  const bySection = new Map<number, SectionSummary>();
  for (const change of changes) {
    const at = sectionIndexOf(change.path);
    let summary = bySection.get(at);
    if (!summary) {
      const section = sections[at];
      summary = {
        section: section?.id ?? null,
        title: section ? `${section.number}、${section.title}` : "标题及基本信息",
        added: 0,
        removed: 0,
        changed: 0,
        moved: 0,
        total: 0,
      };
      bySection.set(at, summary);
    }
    summary[change.kind]++;
    summary.total++;
  }
  return [...bySection.entries()].sort(([a], [b]) => a - b).map(([, summary]) => summary);
}
