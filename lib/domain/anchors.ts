import type { EditableDisclosure } from "./editable";
import { isPlainObject, rowIdOf } from "./json";
import { formatPath, parsePath, toSegments, type Path, type PathLike, type PathSegment } from "./paths";

/**
 * Where a review comment points, and where that is now. Inside a row that has an id (indicator,
 * procurement line, project fund) a comment holds the row's id, so it follows its row when rows
 * are inserted, removed or moved (even to another project). The one home of "where a commented
 * row stands now": the server's comment lists, the clerk's editor (while rows move under the
 * threads) and the tests all ask here.
 */

/** A comment's anchor: the row it is on and the path inside that row, or the plain path outside rows. */
export type Anchor = { path: string; rowId?: string };

type Rows = Pick<EditableDisclosure, "performance" | "procurement">;

/**
 * Where each repeating row stands now, by id: `performance.projects[2]`,
 * `performance.projects[2].indicators[5]`, `procurement.items[0]`, as path segments.
 */
export function rowPaths(content: Rows): Map<string, Path> {
  const paths = new Map<string, Path>();
  content.performance.projects.forEach((p, i) => {
    if (p.id) paths.set(p.id, ["performance", "projects", i]);
    p.indicators.forEach(
      (indicator, j) => indicator.id && paths.set(indicator.id, ["performance", "projects", i, "indicators", j]),
    );
  });
  content.procurement.items.forEach((item, i) => item.id && paths.set(item.id, ["procurement", "items", i]));
  return paths;
}

/** The anchor of a comment made at `path`: the innermost row with an id that holds it, if any. */
export function anchorOf(content: unknown, path: PathLike): Anchor {
  const segments = toSegments(path);
  let node = content;
  let rowAt = -1;
  let rowId: string | undefined;
  for (let i = 0; i < segments.length; i++) {
    node = isPlainObject(node) || Array.isArray(node) ? (node as Record<PathSegment, unknown>)[segments[i]] : undefined;
    const id = typeof segments[i] === "number" ? rowIdOf(node) : undefined;
    if (id !== undefined) {
      rowAt = i;
      rowId = id;
    }
  }
  if (rowId === undefined) return { path: formatPath(segments) };
  return { path: formatPath(segments.slice(rowAt + 1)), rowId };
}

/** Where the anchor points now, given `rowPaths` of the content; null when its row has been deleted. */
export function anchorPathIn(paths: ReadonlyMap<string, Path>, anchor: Anchor): string | null {
  if (anchor.rowId === undefined) return anchor.path;
  const row = paths.get(anchor.rowId);
  return row ? formatPath([...row, ...parsePath(anchor.path)]) : null;
}

/** The anchor's current path in `content`, or null when its row has been deleted. */
export function resolveAnchor(content: Rows, anchor: Anchor): string | null {
  return anchorPathIn(rowPaths(content), anchor);
}

/**
 * A stored comment (the path it was made at, and its row's id: review_comments) as it reads
 * against the current content: the row's part of the path is replaced by where the row stands
 * now, so `…indicators[6].target` follows its row. A row that is gone leaves the path as it was,
 * and `rowGone` says so.
 */
export function currentAnchor(
  anchorPath: string,
  anchorRowId: string | null,
  paths: ReadonlyMap<string, Path>,
): { path: string; rowGone: boolean } {
  if (!anchorRowId) return { path: anchorPath, rowGone: false };
  const row = paths.get(anchorRowId);
  if (!row) return { path: anchorPath, rowGone: true };
  // A row moves within its kind (an indicator stays an indicator), so the stored path names the row
  // in as many segments as its path now has; what follows is the field inside the row.
  const inside = parsePath(anchorPath).slice(row.length);
  return { path: anchorPathIn(paths, { rowId: anchorRowId, path: formatPath(inside) })!, rowGone: false };
}
