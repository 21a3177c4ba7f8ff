import { disclosure as disclosureSchema, sections } from "./model";
import { FIELD_LABELS, ROW_ID_LABEL, ROW_LABELS } from "./field-labels";
import { isPlainObject } from "./json";

/**
 * Paths into the disclosure in the rules' canonical form, `performance.projects[0].indicators[6].target`:
 * findings, review comments, the diff and merge conflicts all point at fields this way.
 */

export type PathSegment = string | number;
export type Path = ReadonlyArray<PathSegment>;
export type PathLike = string | Path;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function formatPath(segments: Path): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (!IDENTIFIER.test(segment)) out += `[${JSON.stringify(segment)}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out;
}

const TOKEN = /\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

/** The inverse of formatPath. A malformed path is a programming error, so it throws. */
export function parsePath(text: string): PathSegment[] {
  const segments: PathSegment[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    // A key is preceded by a dot except at the very start: "a.b[0].c", never ".a" or "a[0]c".
    const dotted = text.charAt(start) === ".";
    if (!match || (match[1] !== undefined && dotted !== start > 0))
      throw new Error(`malformed path "${text}" at ${start}`);
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(JSON.parse(match[3]) as string);
  }
  return segments;
}

export function toSegments(path: PathLike): Path {
  return typeof path === "string" ? parsePath(path) : path;
}

/** The value at `path`, or undefined when any step is missing. */
export function getAt(value: unknown, path: PathLike): unknown {
  let node = value;
  for (const segment of toSegments(path)) {
    if (typeof segment === "number" ? !Array.isArray(node) : !isPlainObject(node)) return undefined;
    node = (node as Record<PathSegment, unknown>)[segment];
  }
  return node;
}

/**
 * A copy of `value` with `v` at `path`, sharing every untouched branch. JSON has no undefined:
 * setting it removes the key (or the array element). Missing containers on the way are created.
 */
export function setAt<T>(value: T, path: PathLike, v: unknown): T {
  return setIn(value, toSegments(path), 0, v) as T;
}

function setIn(node: unknown, path: Path, at: number, v: unknown): unknown {
  if (at === path.length) return v;
  const segment = path[at];
  if (typeof segment === "number") {
    const copy = Array.isArray(node) ? [...(node as unknown[])] : [];
    if (at === path.length - 1 && v === undefined) copy.splice(segment, 1);
    else copy[segment] = setIn(copy[segment], path, at + 1, v);
    return copy;
  }
  const copy: Record<string, unknown> = isPlainObject(node) ? { ...node } : {};
  if (at === path.length - 1 && v === undefined) delete copy[segment];
  else copy[segment] = setIn(copy[segment], path, at + 1, v);
  return copy;
}

/** `performance.projects[0].indicators[6].target` → `performance.projects[].indicators[].target`: the label table's key. */
export function pathPattern(path: PathLike): string {
  return toSegments(path)
    .map((s, i) => (typeof s === "number" ? "[]" : i === 0 ? s : `.${s}`))
    .join("");
}

/** Index into `sections` of the section a path belongs to; -1 for the title, preamble and department heading the document. */
export function sectionIndexOf(path: PathLike): number {
  const top = toSegments(path)[0];
  return sections.findIndex((s) => (s.fields as ReadonlyArray<PathSegment>).includes(top));
}

/**
 * Order for lists of paths: the order the disclosure prints its sections, then fields as the zod
 * schema declares them (income before expenditure, total before its parts), rows by index; so a
 * list of changes or findings reads like the form. Unknown keys (a row's `id`) go last.
 */
export function comparePaths(a: PathLike, b: PathLike): number {
  return compareOrdered(
    { key: sortKey(a), text: typeof a === "string" ? a : formatPath(a) },
    { key: sortKey(b), text: typeof b === "string" ? b : formatPath(b) },
  );
}

/** A path with its place in that order, for sorting many (a year's findings) without looking it up per comparison. */
export type OrderedPath = { key: ReadonlyArray<number>; text: string };

export function orderedPath(path: string): OrderedPath {
  return { key: sortKey(path), text: path };
}

/** comparePaths for paths already ordered: the section is the key's first number. */
export function compareOrdered(a: OrderedPath, b: OrderedPath): number {
  const ka = a.key;
  const kb = b.key;
  for (let k = 0; k < Math.min(ka.length, kb.length); k++) if (ka[k] !== kb[k]) return ka[k] - kb[k];
  if (ka.length !== kb.length) return ka.length - kb.length;
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}

type SchemaNode = { shape?: Record<string, unknown>; element?: unknown; options?: unknown[]; unwrap?: () => unknown };
const UNKNOWN_FIELD = 1_000_000;

/** Through optional and nullable, but not into an array: zod 4 arrays also answer unwrap(). */
function unwrapped(node: unknown): SchemaNode | null {
  let n = node as SchemaNode | null;
  for (let depth = 0; n && !n.element && typeof n.unwrap === "function" && depth < 5; depth++)
    n = n.unwrap() as SchemaNode;
  return n;
}

/** Fields of an object schema, or of all options of a union (a target's raw, kind, operator, …). */
function fieldsOf(node: SchemaNode | null): Record<string, unknown> {
  if (node?.shape) return node.shape;
  const merged: Record<string, unknown> = {};
  for (const option of node?.options ?? []) Object.assign(merged, unwrapped(option)?.shape ?? {});
  return merged;
}

const sortKeys = new Map<string, number[]>();
function sortKey(path: PathLike): number[] {
  const text = typeof path === "string" ? path : formatPath(path);
  let key = sortKeys.get(text);
  if (key) return key;
  key = [sectionIndexOf(path)];
  let node = unwrapped(disclosureSchema);
  for (const segment of toSegments(path)) {
    if (typeof segment === "number") {
      key.push(segment);
      node = unwrapped(node?.element);
      continue;
    }
    const fields = fieldsOf(node);
    const at = Object.keys(fields).indexOf(segment);
    // A total is printed before its parts, though the schema declares income's total after them.
    key.push(segment === "total" ? -1 : at < 0 ? UNKNOWN_FIELD : at);
    node = at < 0 ? null : unwrapped(fields[segment]);
  }
  if (sortKeys.size > 50_000) sortKeys.clear();
  sortKeys.set(text, key);
  return key;
}

/**
 * A label for people: "五、预算绩效信息 › 项目 1「市志编纂业务费」› 指标第 7 行 › 指标值". Given the
 * disclosure, rows are also named by their own name field.
 */
export function describePath(path: PathLike, disclosure?: unknown): string {
  const segments = toSegments(path);
  if (segments.length === 0) return "全文";
  const crumbs: string[] = [];
  const sectionAt = sectionIndexOf(segments);
  const section = sections[sectionAt];
  if (section) crumbs.push(`${section.number}、${section.title}`);
  let node: unknown = disclosure;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const pattern = pathPattern(segments.slice(0, i + 1));
    node = isPlainObject(node) || Array.isArray(node) ? (node as Record<PathSegment, unknown>)[segment] : undefined;
    if (typeof segment === "number") {
      const row = ROW_LABELS[pathPattern(segments.slice(0, i))];
      const name = row?.nameField && isPlainObject(node) ? node[row.nameField] : undefined;
      const label = row ? row.label(segment + 1) : `第 ${segment + 1} 行`;
      crumbs.push(typeof name === "string" && name.trim() !== "" ? `${label}「${name.trim()}」` : label);
      continue;
    }
    // The section title already names a section's only field; a table's name gives way to its row.
    if (i === 0 && section && section.fields.length === 1) continue;
    if (typeof segments[i + 1] === "number" && ROW_LABELS[pattern]) continue;
    crumbs.push(FIELD_LABELS[pattern] ?? (segment === "id" ? ROW_ID_LABEL : segment));
  }
  // "」›" as the style sheet writes it: the closing bracket already separates.
  return crumbs.join(" › ").replaceAll("」 ›", "」›");
}

/** True when `path` is `prefix` itself or a field inside it (`a.b` covers `a.b.c` and `a.b[0]`, not `a.bc`). */
export function isWithin(path: string, prefix: string): boolean {
  if (prefix === "") return true;
  if (!path.startsWith(prefix)) return false;
  const next = path.charAt(prefix.length);
  return next === "" || next === "." || next === "[";
}
