import { containsRowId, deepEqual, isPlainObject, isTarget, rowIdentity, unionKeys, type RowIdOf } from "./json";
import { describePath, formatPath, parsePath, setAt, type Path, type PathSegment } from "./paths";

/**
 * Three-way merge of two saves of the same draft, field by field, for autosave. `base` is what
 * both started from, `theirs` the newer save already stored, `mine` the save arriving. Edits to
 * different fields merge; the same field changed to two different values is a conflict the clerk
 * must settle (resolveConflicts); nothing anyone typed is dropped silently.
 *
 * Rows with an id are matched by it wherever they are (a row may move to another project), rows
 * without one by position. A 指标值 merges as a whole: its operator, number and unit are one fact.
 */

export type Conflict = {
  /** Where it is in `merged` */
  path: string;
  /** "row": deleted on one side, changed on the other; "field": both changed it differently */
  kind: "field" | "row";
  base: unknown;
  /** undefined: mine deleted it (row) or removed the key (field) */
  mine: unknown;
  theirs: unknown;
  rowId?: string;
  /** zh-CN, as describePath gives it */
  label: string;
};

/**
 * `merged` holds theirs' value at every conflicting field, and keeps a row in a delete-vs-edit
 * conflict in its edited form, so every conflict's path is valid in it until the clerk chooses.
 */
export type MergeResult<T> = { merged: T; conflicts: Conflict[] };

type Located = { parent: string; value: unknown };
type RowLocations = Map<string, Located>;
type RawConflict = Omit<Conflict, "path" | "label"> & { path: PathSegment[] };

type Context = {
  idOf: RowIdOf;
  base: RowLocations;
  mine: RowLocations;
  theirs: RowLocations;
  /** Rows that changed table on some side: their fate is decided where they are, not in a copied branch. */
  crossMoved: Set<string>;
  conflicts: RawConflict[];
};

/** Where an array sits: the nearest enclosing row with an id, and the path from it. */
type Place = { anchor: string; rel: string };
const parentOf = (place: Place) => `${place.anchor}|${place.rel}`;

export function mergeDisclosures<T>(base: T, mine: T, theirs: T): MergeResult<T> {
  const idOf = rowIdentity(base, mine, theirs);
  const root: Place = { anchor: "", rel: "" };
  const ctx: Context = {
    idOf,
    base: locateRows(base, root, new Map(), idOf),
    mine: locateRows(mine, root, new Map(), idOf),
    theirs: locateRows(theirs, root, new Map(), idOf),
    crossMoved: new Set(),
    conflicts: [],
  };
  for (const side of [ctx.mine, ctx.theirs]) {
    for (const [id, at] of side) {
      const was = ctx.base.get(id);
      if (was && was.parent !== at.parent) ctx.crossMoved.add(id);
    }
  }
  const merged = mergeValue(base, mine, theirs, [], root, undefined, ctx) as T;
  const conflicts = ctx.conflicts.map(({ path, ...rest }) => labelled(path, rest, merged));
  return { merged, conflicts };
}

function labelled(path: Path, rest: Omit<RawConflict, "path">, doc: unknown): Conflict {
  const conflict: Conflict = { path: formatPath(path), ...rest, label: describePath(path, doc) };
  if (conflict.rowId === undefined) delete conflict.rowId;
  return conflict;
}

function locateRows(node: unknown, place: Place, into: RowLocations, idOf: RowIdOf): RowLocations {
  if (Array.isArray(node)) {
    node.forEach((element, i) => {
      const id = idOf(element);
      if (id !== undefined) into.set(id, { parent: parentOf(place), value: element });
      locateRows(
        element,
        id !== undefined ? { anchor: id, rel: "" } : { ...place, rel: `${place.rel}[${i}]` },
        into,
        idOf,
      );
    });
  } else if (isPlainObject(node)) {
    for (const key in node) locateRows(node[key], { ...place, rel: `${place.rel}.${key}` }, into, idOf);
  }
  return into;
}

function mergeValue(
  b: unknown,
  m: unknown,
  t: unknown,
  path: PathSegment[],
  place: Place,
  rowId: string | undefined,
  ctx: Context,
): unknown {
  if (m === t) return m;
  if (isTarget(b) || isTarget(m) || isTarget(t)) return mergeTarget(b, m, t, path, rowId, ctx);
  if (deepEqual(m, t)) return t;
  // A branch only one side changed is taken whole, unless a row moved across tables through it.
  const guarded = ctx.crossMoved.size > 0 && [b, m, t].some((v) => containsRowId(v, ctx.crossMoved));
  if (!guarded && deepEqual(b, m)) return t;
  if (!guarded && deepEqual(b, t)) return m;
  if (Array.isArray(m) && Array.isArray(t) && (Array.isArray(b) || b === undefined)) {
    return mergeRows(b ?? [], m, t, path, place, rowId, ctx);
  }
  if (isPlainObject(m) && isPlainObject(t) && (isPlainObject(b) || b === undefined)) {
    const bo = b ?? {};
    const out: Record<string, unknown> = {};
    for (const key of unionKeys(t, m, bo)) {
      const v = mergeValue(
        bo[key],
        m[key],
        t[key],
        [...path, key],
        { ...place, rel: `${place.rel}.${key}` },
        rowId,
        ctx,
      );
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  ctx.conflicts.push({ path, kind: "field", base: b, mine: m, theirs: t, rowId });
  return t;
}

/** Targets compare by what the clerk wrote (`raw`), not by how it was parsed. */
function mergeTarget(
  b: unknown,
  m: unknown,
  t: unknown,
  path: PathSegment[],
  rowId: string | undefined,
  ctx: Context,
): unknown {
  const raw = (v: unknown) => (isTarget(v) ? v.raw : v === undefined ? undefined : JSON.stringify(v));
  if (raw(m) === raw(t) || raw(b) === raw(m)) return t;
  if (raw(b) === raw(t)) return m;
  ctx.conflicts.push({ path, kind: "field", base: b, mine: m, theirs: t, rowId });
  return t;
}

type Slot = { b?: Located; m?: Located; t?: Located };
type Fate = { slot: Slot; conflict: boolean };

/** Keys for the rows of one table: the id, else the position in base, else a side's own addition. */
function keysOf(
  rows: ReadonlyArray<unknown>,
  base: ReadonlyArray<unknown>,
  side: "b" | "m" | "t",
  idOf: RowIdOf,
): string[] {
  return rows.map((row, i) => {
    const id = idOf(row);
    if (id !== undefined) return `id:${id}`;
    if (side === "b" || (i < base.length && idOf(base[i]) === undefined)) return `#${i}`;
    return `+${i}`;
  });
}

function mergeRows(
  B: unknown[],
  M: unknown[],
  T: unknown[],
  path: PathSegment[],
  place: Place,
  outerRow: string | undefined,
  ctx: Context,
): unknown[] {
  const here = parentOf(place);
  const bK = keysOf(B, B, "b", ctx.idOf);
  const mK = keysOf(M, B, "m", ctx.idOf);
  // Two different rows added at the same position by both are two rows; the same row added twice is one.
  const tK = keysOf(T, B, "t", ctx.idOf).map((k, i) =>
    k.startsWith("+") && mK[i] === k && !deepEqual(M[i], T[i]) ? `t${k}` : k,
  );
  const local = (keys: string[], rows: unknown[]) => new Map(keys.map((k, i) => [k, { parent: here, value: rows[i] }]));
  const bLocal = local(bK, B);
  const mLocal = local(mK, M);
  const tLocal = local(tK, T);
  const slotOf = (key: string): Slot =>
    key.startsWith("id:")
      ? { b: ctx.base.get(key.slice(3)), m: ctx.mine.get(key.slice(3)), t: ctx.theirs.get(key.slice(3)) }
      : { b: bLocal.get(key), m: mLocal.get(key), t: tLocal.get(key) };

  const fates = new Map<string, Fate>();
  for (const key of new Set([...bK, ...mK, ...tK])) {
    const fate = fateOf(slotOf(key));
    if (fate && fate.home === here) fates.set(key, fate);
  }

  const orderChanged = (keys: string[]) => {
    const inBase = new Set(bK);
    const inSide = new Set(keys);
    const a = keys.filter((k) => inBase.has(k));
    const b = bK.filter((k) => inSide.has(k));
    return a.some((k, i) => k !== b[i]);
  };
  // Theirs' order wins unless only mine reordered; the other side's rows are placed after their neighbours.
  const [lead, follow] = orderChanged(mK) && !orderChanged(tK) ? [mK, tK] : [tK, mK];
  const order = [...new Set(lead.filter((k) => fates.has(k)))];
  const placed = new Set(order);
  const inFollow = new Set(follow);
  // A row the other side added goes after its neighbour there, and after rows the lead side added at the same spot.
  const skipLeadOnly = (at: number) => {
    while (at < order.length && !inFollow.has(order[at])) at++;
    return at;
  };
  let cursor = skipLeadOnly(0);
  for (const key of follow) {
    if (placed.has(key)) cursor = skipLeadOnly(order.indexOf(key) + 1);
    else if (fates.has(key)) {
      order.splice(cursor++, 0, key);
      placed.add(key);
    }
  }

  return order.map((key, j) => {
    const { slot, conflict } = fates.get(key)!;
    const at = [...path, j];
    const id = key.startsWith("id:") ? key.slice(3) : undefined;
    if (conflict) {
      ctx.conflicts.push({
        path: at,
        kind: "row",
        base: slot.b?.value,
        mine: slot.m?.value,
        theirs: slot.t?.value,
        rowId: id ?? outerRow,
      });
      return (slot.m ?? slot.t)!.value;
    }
    const inner: Place =
      id !== undefined ? { anchor: id, rel: "" } : { ...place, rel: `${place.rel}[${key.replace(/^\D+/, "")}]` };
    return mergeValue(slot.b?.value, slot.m?.value, slot.t?.value, at, inner, id ?? outerRow, ctx);
  });
}

/** Whether a row stays, and in which table: null when it is deleted. */
function fateOf(slot: Slot): (Fate & { home: string }) | null {
  const { b, m, t } = slot;
  if (m && t) {
    // A move on one side wins; moved on both, theirs wins, as with order.
    const home = b && m.parent !== b.parent && t.parent === b.parent ? m.parent : t.parent;
    return { slot, conflict: false, home };
  }
  const survivor = m ?? t;
  if (!survivor) return null;
  if (!b) return { slot, conflict: false, home: survivor.parent };
  // Deleted on one side: gone if the other left it as it was, a conflict if the other changed it.
  if (deepEqual(b.value, survivor.value)) return null;
  return { slot, conflict: true, home: survivor.parent };
}

/**
 * Applies the clerk's choice per conflict path. Conflicts without a choice stay listed (their
 * paths adjusted for rows the choices removed), so the screen can be settled in several steps.
 */
export function resolveConflicts<T>(
  result: MergeResult<T>,
  choices: Readonly<Record<string, "mine" | "theirs">>,
): MergeResult<T> {
  let merged = result.merged;
  const removals: PathSegment[][] = [];
  const open: Conflict[] = [];
  for (const conflict of result.conflicts) {
    const choice = choices[conflict.path];
    if (!choice) {
      open.push(conflict);
      continue;
    }
    const value = choice === "mine" ? conflict.mine : conflict.theirs;
    if (conflict.kind === "row" && value === undefined) removals.push(parsePath(conflict.path));
    else merged = setAt(merged, conflict.path, value);
  }
  // Last row first, so the earlier paths stay right while rows are taken out.
  removals.sort((x, y) => compareIndexes(y, x));
  for (const removal of removals) merged = setAt(merged, removal, undefined);
  const conflicts = open.map(({ path, label: _label, ...rest }) => {
    let segments = parsePath(path);
    for (const removal of removals) segments = shiftAfterRemoval(segments, removal);
    return labelled(segments, rest, merged);
  });
  return { merged, conflicts };
}

function compareIndexes(x: Path, y: Path): number {
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    if (typeof x[i] === "number" && typeof y[i] === "number") return (x[i] as number) - (y[i] as number);
    return String(x[i]) < String(y[i]) ? -1 : 1;
  }
  return x.length - y.length;
}

function shiftAfterRemoval(path: PathSegment[], removal: Path): PathSegment[] {
  const last = removal.length - 1;
  if (path.length <= last) return path;
  for (let i = 0; i < last; i++) if (path[i] !== removal[i]) return path;
  const at = path[last];
  if (typeof at !== "number" || at <= (removal[last] as number)) return path;
  return [...path.slice(0, last), at - 1, ...path.slice(last + 1)];
}
