import type { EditableDisclosure } from "./disclosure-shape";

/**
 * Where each repeating row stands now, by id: `performance.projects[2]`,
 * `performance.projects[2].indicators[5]`, `procurement.items[0]`.
 */
export function rowPaths(content: EditableDisclosure): Map<string, string> {
  const paths = new Map<string, string>();
  content.performance.projects.forEach((p, i) => {
    if (p.id) paths.set(p.id, `performance.projects[${i}]`);
    p.indicators.forEach((indicator, j) => indicator.id && paths.set(indicator.id, `performance.projects[${i}].indicators[${j}]`));
  });
  content.procurement.items.forEach((item, i) => item.id && paths.set(item.id, `procurement.items[${i}]`));
  return paths;
}

const ROW_PREFIX = /^(performance\.projects\[\d+\](?:\.indicators\[\d+\])?|procurement\.items\[\d+\])/;

/**
 * A comment's anchor as it reads against the current content: the row prefix of the path it was
 * made at is replaced by where its row stands now, so `…indicators[6].target` follows its row
 * when rows above it are inserted or removed. A row that is gone leaves the path as it was, and
 * `rowGone` says so.
 */
export function currentAnchor(anchorPath: string, anchorRowId: string | null, paths: ReadonlyMap<string, string>): { path: string; rowGone: boolean } {
  if (!anchorRowId) return { path: anchorPath, rowGone: false };
  const now = paths.get(anchorRowId);
  if (!now) return { path: anchorPath, rowGone: true };
  const match = ROW_PREFIX.exec(anchorPath);
  // The stored path names the row itself (or a field of it) at the depth of the row's kind.
  const depth = now.split(".").length;
  if (!match || match[1].split(".").length < depth) return { path: now, rowGone: false };
  const madeAt = match[1].split(".").slice(0, depth).join(".");
  return { path: now + anchorPath.slice(madeAt.length), rowGone: false };
}
