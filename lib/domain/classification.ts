import { CODE_LENGTHS, type ClassificationKind, classificationKinds } from "./budget-tables";

/**
 * A fiscal year's 《政府收支分类科目》 as the rules and the tables read it: a pure lookup, handed to
 * them by whoever loaded it (the database, db/queries/classification.ts; or the shipped sheet,
 * db/seed/classification.ts). No database here: lib/rules receives this, never a connection.
 */
export type ClassificationEntry = { kind: ClassificationKind; code: string; name: string };

export type ClassificationCatalogue = {
  /** The year the disclosure is for. */
  fiscalYear: number;
  /** The year whose catalogue this is: earlier than fiscalYear when that year had none of its own. */
  sourceYear: number;
  /** The code's name that year, or undefined when the code is not in the catalogue. */
  nameOf(kind: ClassificationKind, code: string): string | undefined;
  /** The year's codes of one kind, for pickers: in code order. */
  entries(kind: ClassificationKind): ReadonlyArray<ClassificationEntry>;
};

export function classificationCatalogue(
  fiscalYear: number,
  entries: ReadonlyArray<ClassificationEntry>,
  sourceYear: number = fiscalYear,
): ClassificationCatalogue {
  // A map per kind: the rules look up every code of every table, and a joined key would be a new string each time.
  const names = Object.fromEntries(classificationKinds.map((k) => [k, new Map<string, string>()])) as Record<
    ClassificationKind,
    Map<string, string>
  >;
  for (const e of entries) names[e.kind]?.set(e.code, e.name);
  const byKind = Object.fromEntries(
    classificationKinds.map((k) => [
      k,
      entries.filter((e) => e.kind === k).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    ]),
  ) as Record<ClassificationKind, ClassificationEntry[]>;
  return {
    fiscalYear,
    sourceYear,
    nameOf: (kind, code) => names[kind]?.get(code),
    entries: (kind) => byKind[kind],
  };
}

/** A code's problem as a code (null when well-formed): digits only, of a length its kind has. */
export function codeShapeProblem(kind: ClassificationKind, code: string): string | null {
  if (!/^\d+$/.test(code)) return "科目编码只能由数字组成";
  const lengths = CODE_LENGTHS[kind];
  if (!lengths.includes(code.length))
    return kind === "功能"
      ? "功能分类科目编码为 3 位（类）、5 位（款）或 7 位（项）"
      : "经济分类科目编码为 3 位（类）或 5 位（款）";
  return null;
}

/**
 * The catalogue sheet as shipped (db/seed/classification-2020.tsv): `kind<TAB>code<TAB>name`, a
 * header line, `#` notes. Throws on a malformed line: the file is ours, a slip in it is a defect.
 */
export function parseClassificationTsv(text: string): ClassificationEntry[] {
  const out: ClassificationEntry[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || /^kind\t/.test(line)) continue;
    const [kind, code, name] = line.split("\t").map((c) => c.trim());
    if (!(classificationKinds as readonly string[]).includes(kind) || !code || !name)
      throw new Error(`classification sheet line ${i + 1}: "${raw}"`);
    const problem = codeShapeProblem(kind as ClassificationKind, code);
    if (problem) throw new Error(`classification sheet line ${i + 1}: ${problem}`);
    out.push({ kind: kind as ClassificationKind, code, name });
  }
  return out;
}

/** A code as the catalogue keys it: the same digits may in principle be named under either kind. */
export type ClassificationKey = { kind: ClassificationKind; code: string };

/**
 * The codes of `used` that `entries` lacks: what a new catalogue for a year may not drop while a
 * disclosure of that year uses them. The sheet's check says it row by row before an import; the
 * database says it again inside the import's transaction (db/queries/classification.ts).
 */
export function codesMissing(
  entries: ReadonlyArray<ClassificationKey>,
  used: ReadonlyArray<ClassificationKey>,
): ClassificationKey[] {
  const kept = new Set(entries.map((e) => `${e.kind}:${e.code}`));
  return used.filter((u) => !kept.has(`${u.kind}:${u.code}`));
}

/**
 * The codes a year's new catalogue must keep: those its disclosures use that its current catalogue
 * lists. A used code the catalogue never listed is already the disclosure's error (the rules say
 * so), not a code the import could lose; requiring it would let one clerk's typo block the import.
 */
export function codesToKeep(
  current: ReadonlyArray<ClassificationKey>,
  used: ReadonlyArray<ClassificationKey>,
): ClassificationKey[] {
  const missing = new Set(codesMissing(current, used));
  return used.filter((u) => !missing.has(u));
}

/** What replacing a catalogue changes: the codes added, removed, and kept under another name. */
export type CatalogueChanges = {
  added: ClassificationEntry[];
  removed: ClassificationEntry[];
  renamed: Array<ClassificationKey & { before: string; after: string }>;
};

export function compareCatalogues(
  before: ReadonlyArray<ClassificationEntry>,
  after: ReadonlyArray<ClassificationEntry>,
): CatalogueChanges {
  const keyOf = (e: ClassificationKey) => `${e.kind}:${e.code}`;
  const was = new Map(before.map((e) => [keyOf(e), e]));
  const now = new Map(after.map((e) => [keyOf(e), e]));
  return {
    added: after.filter((e) => !was.has(keyOf(e))),
    removed: before.filter((e) => !now.has(keyOf(e))),
    renamed: after.flatMap((e) => {
      const old = was.get(keyOf(e));
      return old && old.name !== e.name ? [{ kind: e.kind, code: e.code, before: old.name, after: e.name }] : [];
    }),
  };
}
