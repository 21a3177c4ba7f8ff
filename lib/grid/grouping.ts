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

/** The first index in [from, to] whose rank is above `rank`, else to + 1: where a new block goes in order. */
function firstAfter(from: number, to: number, rank: number, rankAt: (i: number) => number): number {
  for (let i = from; i <= to; i++) if (rankAt(i) > rank) return i;
  return to + 1;
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
    // Between two blocks (or at an end) in the framework's order, the clerk's place is kept.
    const rank = rankOf(order, row.level1);
    const before = at > 0 ? rankOf(order, rows[at - 1].level1) : Number.NEGATIVE_INFINITY;
    const after = at < rows.length ? rankOf(order, rows[at].level1) : Number.POSITIVE_INFINITY;
    const boundary = at === 0 || at === rows.length || rows[at - 1].level1 !== rows[at].level1;
    if (boundary && before <= rank && rank <= after) return at;
    return firstAfter(0, rows.length - 1, rank, (i) => rankOf(order, rows[i].level1));
  }
  const [a, b] = block;
  const inBlock = at >= a && at <= b + 1;
  if (row.level2 === "") return inBlock ? at : b + 1;
  const same = lastRun(rows, a, b, (r) => r.level2 === row.level2);
  if (same) return at >= same[0] && at <= same[1] + 1 ? at : same[1] + 1;
  const order = level2Options(framework, row.level1);
  const edge = at === a || at === b + 1 || (inBlock && rows[at - 1].level2 !== rows[at].level2);
  if (inBlock && edge) return at;
  return firstAfter(a, b, rankOf(order, row.level2), (i) => rankOf(order, rows[i].level2));
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
