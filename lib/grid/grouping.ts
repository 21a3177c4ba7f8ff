import { newRowId, type EditableIndicator } from "../domain/editable";
import { level2Options, type IndicatorFramework } from "../domain/frameworks";
import { isBlankIndicator } from "./columns";

/**
 * A 绩效目标表 reads as blocks: every 一级指标 once, and inside it every 二级指标 once (the
 * published table merges their cells). A row that arrives — added, pasted, picked from the
 * library, or given new headings — goes into its block, so 产出指标 never comes out as two blocks.
 * Where the clerk put it is kept whenever that place is inside (or at the edge of) its block.
 */

type Headings = Pick<EditableIndicator, "level1" | "level2">;

/** A heading's place in the framework's order; one the framework does not know comes after all. */
function rankOf(list: ReadonlyArray<string>, name: string): number {
  const i = list.indexOf(name);
  return i < 0 ? Number.POSITIVE_INFINITY : i;
}

/** The last run of consecutive rows in [from, to] that `belongs`, as [start, end]; null if none. */
function lastRun(
  rows: ReadonlyArray<EditableIndicator>,
  from: number,
  to: number,
  belongs: (r: EditableIndicator) => boolean,
): [number, number] | null {
  let end = -1;
  for (let i = to; i >= from; i--)
    if (belongs(rows[i])) {
      end = i;
      break;
    }
  if (end < 0) return null;
  let start = end;
  while (start > from && belongs(rows[start - 1])) start--;
  return [start, end];
}

/**
 * The first index in [from, to] whose rank is known and above `rank`, else to + 1: where a new
 * block goes in the framework's order. Blocks the framework does not know are passed over.
 */
function firstAfter(from: number, to: number, rank: number, rankAt: (i: number) => number): number {
  for (let i = from; i <= to; i++) {
    const r = rankAt(i);
    if (Number.isFinite(r) && r > rank) return i;
  }
  return to + 1;
}

/** The nearest known rank at or before `i` going `step`wise within [from, to]; ±∞ when none. */
function nearestKnown(from: number, to: number, i: number, step: 1 | -1, rankAt: (i: number) => number): number {
  for (let j = i; j >= from && j <= to; j += step) {
    const r = rankAt(j);
    if (Number.isFinite(r)) return r;
  }
  return step < 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}

/**
 * Where a new block (a heading no row has yet) goes among the blocks in [from, to]: at `at` when
 * that is between two blocks in the framework's order (headings it does not know are not
 * compared), else in that order. A heading the framework does not know stays between blocks
 * where it was put, or goes after the block it was put into.
 */
function newBlockIndex(
  from: number,
  to: number,
  at: number,
  rank: number,
  same: (i: number, j: number) => boolean,
  rankAt: (i: number) => number,
): number {
  const boundary = at === from || at === to + 1 || !same(at - 1, at);
  if (!Number.isFinite(rank)) {
    if (boundary) return at;
    let end = at;
    while (end <= to && same(end - 1, end)) end++;
    return end;
  }
  const before = nearestKnown(from, to, at - 1, -1, rankAt);
  const after = nearestKnown(from, to, at, 1, rankAt);
  if (boundary && before <= rank && rank <= after) return at;
  return firstAfter(from, to, rank, rankAt);
}

/**
 * Where a row with these headings goes among `rows` (which do not hold it) when the clerk put it
 * at `preferred`: `preferred` itself when that keeps the blocks whole, else the end of its 二级
 * block, else the end of its 一级 block (a new 二级 in the framework's order), else a new 一级
 * block in the framework's order. A row without 一级指标 stays where it was put.
 */
export function groupedIndex(
  rows: ReadonlyArray<EditableIndicator>,
  row: Headings,
  preferred: number,
  framework: IndicatorFramework,
): number {
  const at = Math.min(Math.max(preferred, 0), rows.length);
  if (row.level1 === "") return at;
  const block = lastRun(rows, 0, rows.length - 1, (r) => r.level1 === row.level1);
  if (!block) {
    const order = framework.levels.map((l) => l.level1);
    const rank1 = (i: number) => rankOf(order, rows[i].level1);
    const same1 = (i: number, j: number) => rows[i].level1 === rows[j].level1;
    return newBlockIndex(0, rows.length - 1, at, rankOf(order, row.level1), same1, rank1);
  }
  const [a, b] = block;
  const inBlock = at >= a && at <= b + 1;
  if (row.level2 === "") return inBlock ? at : b + 1;
  const run = lastRun(rows, a, b, (r) => r.level2 === row.level2);
  if (run) return at >= run[0] && at <= run[1] + 1 ? at : run[1] + 1;
  const order = level2Options(framework, row.level1);
  const rank2 = (i: number) => rankOf(order, rows[i].level2);
  const same2 = (i: number, j: number) => rows[i].level2 === rows[j].level2;
  return newBlockIndex(a, b, inBlock ? at : b + 1, rankOf(order, row.level2), same2, rank2);
}

/**
 * Rows from elsewhere (the library, a pasted table) put after row `after`, each into its block.
 * A blank row there (the one a new project starts with, or one just added) is replaced rather
 * than left in the middle. Each inserted row gets a fresh id (`ids`, in the order given); `first`
 * is where the first one went.
 */
export function insertGrouped(
  rows: ReadonlyArray<EditableIndicator>,
  after: number,
  incoming: ReadonlyArray<Omit<EditableIndicator, "id">>,
  framework: IndicatorFramework,
  makeId: () => string = newRowId,
): { rows: EditableIndicator[]; first: number; ids: string[] } {
  const out = [...rows];
  let preferred = rows.length === 0 ? 0 : Math.min(Math.max(after, 0), rows.length - 1) + 1;
  if (incoming.length > 0 && preferred > 0 && isBlankIndicator(out[preferred - 1])) {
    out.splice(preferred - 1, 1);
    preferred -= 1;
  }
  const ids: string[] = [];
  for (const r of incoming) {
    const fresh = { ...r, id: makeId() } as EditableIndicator;
    const at = groupedIndex(out, fresh, preferred, framework);
    out.splice(at, 0, fresh);
    preferred = at + 1;
    ids.push(fresh.id!);
  }
  const first = ids.length > 0 ? out.findIndex((r) => r.id === ids[0]) : Math.min(preferred, out.length - 1);
  return { rows: out, first: Math.max(first, 0), ids };
}

/**
 * The row at `index` moved into its block after its headings changed (a row added at the end
 * and then given 产出指标, say); the same array when it is already in place. `index` is where it is now.
 */
export function regroupRow(
  rows: ReadonlyArray<EditableIndicator>,
  index: number,
  framework: IndicatorFramework,
): { rows: ReadonlyArray<EditableIndicator>; index: number } {
  const row = rows[index];
  if (!row) return { rows, index };
  const rest = [...rows.slice(0, index), ...rows.slice(index + 1)];
  const at = groupedIndex(rest, row, index, framework);
  if (at === index) return { rows, index };
  rest.splice(at, 0, row);
  return { rows: rest, index: at };
}
