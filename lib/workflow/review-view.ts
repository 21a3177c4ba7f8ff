import { isPlainObject, isTarget } from "../domain/json";
import type { Change } from "../domain/diff";
import { sections, type SectionId } from "../domain/model";
import { describePath, formatPath, parsePath, type PathSegment } from "../domain/paths";
import { outlineTables } from "../render/document";
import type { DocumentOutline } from "../render/outline";
import type { Finding } from "../rules/finding";

/**
 * What the review screen derives from the content, the diff and the audit rows, without React:
 * the fields a comment can be pinned to in a section, the diff grouped by row, values as text.
 */

export type CommentTarget = { path: string; label: string };

/** A label without its section crumb: the section is already on screen. */
export function shortLabel(path: string, content?: unknown): string {
  const crumbs = describePath(path, content).split(" › ");
  return crumbs.length > 1 ? crumbs.slice(1).join(" › ") : crumbs[0];
}

/**
 * Everything in a section a comment can point at: the section as a whole (its first field), then
 * each field holding a value (a figure, a sentence, a 指标值), in document order. Rows that the
 * document prints with their own comment button (`rowPaths`) are left to that button.
 */
export function commentTargets(
  content: unknown,
  sectionId: SectionId,
  rowPaths: ReadonlySet<string>,
  limit = 400,
): CommentTarget[] {
  const section = sections.find((s) => s.id === sectionId);
  if (!section || !isPlainObject(content)) return [];
  const out: CommentTarget[] = [{ path: section.fields[0], label: "" }];
  const walk = (node: unknown, at: PathSegment[]) => {
    if (out.length > limit) return;
    const path = formatPath(at);
    if (rowPaths.has(path)) return;
    if (node === null || typeof node !== "object" || isTarget(node)) {
      out.push({ path, label: shortLabel(path, content) });
      return;
    }
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...at, i]));
    else
      for (const key of Object.keys(node)) if (key !== "id") walk((node as Record<string, unknown>)[key], [...at, key]);
  };
  for (const field of section.fields) walk((content as Record<string, unknown>)[field], [field]);
  return out;
}

/** The row a path is in (`…indicators[6].target` → `…indicators[6]`), or null outside any row. */
export function rowPathOf(path: string): string | null {
  const segments = parsePath(path);
  for (let i = segments.length - 1; i >= 0; i--)
    if (typeof segments[i] === "number") return formatPath(segments.slice(0, i + 1));
  return null;
}

/** A value as the diff prints it: a 指标值 by its text, a row by its cells, nothing as "（空）". */
export function formatValue(value: unknown, empty = "（空）"): string {
  if (value === null || value === undefined || value === "") return empty;
  if (isTarget(value)) return value.raw || empty;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value))
    return (
      value
        .map((v) => formatValue(v, ""))
        .filter(Boolean)
        .join("；") || empty
    );
  if (isPlainObject(value))
    return (
      Object.entries(value)
        .filter(([key, v]) => key !== "id" && !Array.isArray(v))
        .map(([, v]) => formatValue(v, ""))
        .filter(Boolean)
        .join(" · ") || empty
    );
  return empty;
}

export type ChangeGroup = {
  /** The row's path (in `after`'s indexes, or `before`'s for a removed row), or "" for fields outside rows. */
  rowPath: string;
  /** "五、预算绩效信息 › 项目 1 › 指标第 7 行", or the section for fields. */
  label: string;
  changes: Change[];
};

/**
 * The diff by indicator row (and procurement line): each row's changed cells together, in the
 * order of the document; changes outside rows are grouped by section.
 */
export function groupChanges(changes: readonly Change[], content?: unknown): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  for (const change of changes) {
    const row =
      change.rowId || change.kind === "added" || change.kind === "removed" || change.kind === "moved"
        ? rowPathOf(change.path)
        : null;
    const key = row ?? `section:${change.label.split(" › ")[0]}`;
    let group = groups.get(key);
    if (!group) {
      const label = row
        ? change.kind === "removed"
          ? change.label
          : describePath(row, content)
        : change.label.split(" › ")[0];
      group = { rowPath: row ?? "", label, changes: [] };
      groups.set(key, group);
    }
    group.changes.push(change);
  }
  return [...groups.values()];
}

/** The cell's own name within its row: "指标值" of "… › 指标第 7 行 › 指标值". */
export function cellLabel(change: Change, group: ChangeGroup): string {
  if (!group.rowPath) return change.label.split(" › ").slice(1).join(" › ") || change.label;
  const crumbs = change.label.split(" › ");
  const groupDepth = group.label.split(" › ").length;
  return crumbs.slice(groupDepth).join(" › ") || "整行";
}

/** The rows the document prints with their own path (indicator rows, procurement lines, budget-table rows). */
export function printedRowPaths(outline: DocumentOutline): Set<string> {
  return new Set(outlineTables(outline).flatMap((table) => table.rows.flatMap((r) => (r.path ? [r.path] : []))));
}

/** A finding the approver reads (errors and warnings), with the printed row it is about, if any. */
export type PlacedFinding = { finding: Finding; row: string | null };

/** Errors before warnings, each with the printed row that holds its cell, so the list and the rows point at each other. */
export function placeFindings(findings: ReadonlyArray<Finding>, printed: ReadonlySet<string>): PlacedFinding[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return findings
    .filter((f) => f.severity !== "info")
    .map((finding) => {
      const row = rowPathOf(finding.path);
      return { finding, row: row && printed.has(row) ? row : null };
    })
    .sort((a, b) => rank[a.finding.severity] - rank[b.finding.severity]);
}
