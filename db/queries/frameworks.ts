import { createHash } from "node:crypto";
import { and, count, countDistinct, eq } from "drizzle-orm";
import type { IndicatorFramework } from "@/lib/domain/frameworks";
import { describeChanges, levelsOf, pairKey, type FrameworkEditForm } from "@/lib/admin/framework-edit";
import { zhCN } from "@/lib/i18n/zh-CN";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import type { Db } from "../client";
import { UserError } from "@/lib/errors";
import { departments } from "../schema/organisation";
import { disclosures, indicators, projectFunds } from "../schema/disclosures";
import { indicatorLibrary } from "../schema/library";
import { fiscalYears, indicatorFrameworks } from "../schema/settings";
import { appendAudit } from "./audit";

/**
 * Editing and deleting the admin's own indicator frameworks (issue 7). The rules:
 *
 * - Built-in frameworks are never edited: they follow lib/domain/frameworks.ts (re-synced at every
 *   start, and the rule engine reads the code's copy). The admin adds a framework instead.
 * - A level-1/level-2 pair that indicators of any disclosure of this framework use (draft to
 *   published, every revision) or an active library entry uses may not disappear: no removal, no
 *   rename, no move to another level-1. Renames are refused rather than carried through because a
 *   published revision is frozen (its snapshot and files are evidence); rewriting only the drafts
 *   would leave a framework under which the published rows no longer check. So every revision keeps
 *   meaning what it meant and still passes the framework-pair rule.
 * - Everything else may change: the name, the source, unused names, the order, new entries.
 * - Optimistic locking by content: the form carries the fingerprint of what it showed; a save over
 *   a framework someone changed meanwhile is refused (row locked while checking and writing).
 *
 * A clerk saving a row with a pair at the very moment the admin removes that (then unused) pair is
 * not blocked: the framework-pair rule reports the row on the draft, as for any other stale choice.
 */

const e = adminMessages.frameworks.edit;
const common = zhCN.common;

/** What the form must send back unchanged for the save to go through. */
export function frameworkFingerprint(framework: Pick<IndicatorFramework, "name" | "source" | "levels">): string {
  const material = JSON.stringify([
    framework.name,
    framework.source,
    framework.levels.map((l) => [l.level1, l.level2]),
  ]);
  return createHash("sha256").update(material, "utf8").digest("hex").slice(0, 32);
}

export type Usage = {
  disclosures: number;
  departments: number;
  published: number;
  examples: string[];
  library: number;
};
/** Usage per level-1 and per level-1/level-2 pair (pairKey). */
export type FrameworkUsage = { level1: Map<string, Usage>; pairs: Map<string, Usage> };

const EXAMPLES = 3;

/** Who uses which level-1/level-2 of a framework: disclosures (every state and revision) and active library entries. */
export async function frameworkUsage(db: Db, frameworkId: string): Promise<FrameworkUsage> {
  // One after another: it runs inside framework.update's transaction, one connection.
  const rows = await db
    .selectDistinct({
      level1: indicators.level1,
      level2: indicators.level2,
      disclosureId: disclosures.id,
      departmentId: disclosures.departmentId,
      published: disclosures.publishedAt,
      fiscalYear: disclosures.fiscalYear,
      revision: disclosures.revision,
      code: departments.code,
      name: departments.name,
    })
    .from(indicators)
    .innerJoin(projectFunds, eq(projectFunds.id, indicators.projectId))
    .innerJoin(disclosures, eq(disclosures.id, projectFunds.disclosureId))
    .innerJoin(departments, eq(departments.id, disclosures.departmentId))
    .where(eq(disclosures.frameworkId, frameworkId));
  const library = await db
    .select({ level1: indicatorLibrary.level1, level2: indicatorLibrary.level2, n: count() })
    .from(indicatorLibrary)
    .where(and(eq(indicatorLibrary.frameworkId, frameworkId), eq(indicatorLibrary.active, true)))
    .groupBy(indicatorLibrary.level1, indicatorLibrary.level2);
  type Acc = {
    disclosures: Map<string, { label: string; order: string; published: boolean }>;
    departments: Set<string>;
    library: number;
  };
  const level1 = new Map<string, Acc>();
  const pairs = new Map<string, Acc>();
  const acc = (map: Map<string, Acc>, key: string): Acc => {
    let a = map.get(key);
    if (!a) map.set(key, (a = { disclosures: new Map(), departments: new Set(), library: 0 }));
    return a;
  };
  for (const r of rows) {
    const label = `${r.code} ${r.name} ${common.yearSuffix(r.fiscalYear)}${r.revision > 1 ? common.revisionN(r.revision) : ""}`;
    const order = `${9999 - r.fiscalYear}-${r.code}-${r.revision}`;
    for (const a of [acc(level1, r.level1), acc(pairs, pairKey(r.level1, r.level2))]) {
      a.disclosures.set(r.disclosureId, { label, order, published: r.published !== null });
      a.departments.add(r.departmentId);
    }
  }
  for (const r of library) {
    acc(level1, r.level1).library += r.n;
    acc(pairs, pairKey(r.level1, r.level2)).library += r.n;
  }
  const done = (map: Map<string, Acc>) =>
    new Map(
      [...map].map(([key, a]) => {
        const list = [...a.disclosures.values()].sort((x, y) => x.order.localeCompare(y.order));
        const usage: Usage = {
          disclosures: list.length,
          departments: a.departments.size,
          published: list.filter((d) => d.published).length,
          examples: list.slice(0, EXAMPLES).map((d) => d.label),
          library: a.library,
        };
        return [key, usage];
      }),
    );
  return { level1: done(level1), pairs: done(pairs) };
}

export type UpdateResult = { ok: true; changes: string[] } | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * Saves an edit of a framework's name, source and levels (already checked for empty and duplicate
 * names by frameworkEditForm), or says field by field why not. Writes the change and its audit row
 * (before, after and the changes in words) in one transaction.
 */
export async function updateFramework(
  db: Db,
  actorId: string,
  form: FrameworkEditForm,
  ip?: string | null,
): Promise<UpdateResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(indicatorFrameworks).where(eq(indicatorFrameworks.id, form.id)).for("update");
    if (!row) throw new UserError(e.notFound, {}, "not-found");
    if (row.builtIn) throw new UserError(e.builtInRefused, {}, "invalid-state");
    if (frameworkFingerprint(row) !== form.expected) throw new UserError(e.stale, {}, "conflict");

    const after = levelsOf(form);
    const fieldErrors = usageProblems(row.levels, form, await frameworkUsage(tx, form.id));
    if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

    const changes = describeChanges(row, form);
    if (changes.length === 0) return { ok: true, changes };
    await tx
      .update(indicatorFrameworks)
      .set({ name: form.name, source: form.source, levels: after })
      .where(eq(indicatorFrameworks.id, form.id));
    await appendAudit(tx, {
      actorId,
      ip,
      action: "framework.update",
      entityType: "indicator_framework",
      entityId: form.id,
      detail: {
        changes,
        before: { name: row.name, source: row.source, levels: row.levels },
        after: { name: form.name, source: form.source, levels: after },
      },
    });
    return { ok: true, changes };
  });
}

/**
 * Every used level-1 or pair the edit would lose, as a message at the place it is about: the
 * renamed input when the form says which one it was, else the level-1's list, else the form.
 */
function usageProblems(
  before: IndicatorFramework["levels"],
  form: FrameworkEditForm,
  usage: FrameworkUsage,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (path: string, message: string) => (out[path] ??= []).push(message);
  const afterPairs = new Set(form.levels.flatMap((l) => l.level2.map((x) => pairKey(l.name, x.name))));
  const afterLevel1 = new Set(form.levels.map((l) => l.name));
  for (const l of before) {
    const where1 = form.levels.findIndex((x) => x.original === l.level1);
    const used1 = usage.level1.get(l.level1);
    if (!afterLevel1.has(l.level1) && used1) {
      // The level-1 itself went (removed or renamed): one message for it, not one per level-2.
      add(where1 >= 0 ? `levels.${where1}.name` : "levels", e.level1Used(l.level1, e.usage(used1)));
      continue;
    }
    for (const level2 of l.level2) {
      const used = usage.pairs.get(pairKey(l.level1, level2));
      if (!used || afterPairs.has(pairKey(l.level1, level2))) continue;
      const j = where1 >= 0 ? form.levels[where1].level2.findIndex((x) => x.original === level2) : -1;
      add(
        j >= 0 ? `levels.${where1}.level2.${j}.name` : where1 >= 0 ? `levels.${where1}.level2` : "levels",
        e.level2Used(l.level1, level2, e.usage(used)),
      );
    }
  }
  return out;
}

/** Deletes an unused custom framework (a mistaken one); anything that refers to it keeps it. */
export async function deleteFramework(
  db: Db,
  actorId: string,
  input: { id: string; expected: string },
  ip?: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(indicatorFrameworks).where(eq(indicatorFrameworks.id, input.id)).for("update");
    if (!row) throw new UserError(e.notFound, {}, "not-found");
    if (row.builtIn) throw new UserError(e.builtInRefused, {}, "invalid-state");
    if (frameworkFingerprint(row) !== input.expected) throw new UserError(e.stale, {}, "conflict");
    // One after another: a transaction is one connection (pg 9 refuses overlapping queries on it).
    const years = await tx
      .select({ year: fiscalYears.year })
      .from(fiscalYears)
      .where(eq(fiscalYears.frameworkId, input.id));
    const used = await tx
      .select({ n: count(), departments: countDistinct(disclosures.departmentId) })
      .from(disclosures)
      .where(eq(disclosures.frameworkId, input.id));
    const library = await tx
      .select({ n: count() })
      .from(indicatorLibrary)
      .where(eq(indicatorLibrary.frameworkId, input.id));
    const parts = [
      years.length > 0
        ? e.deleteYears(
            years
              .map((y) => y.year)
              .sort()
              .join("、"),
          )
        : "",
      used[0].n > 0
        ? e.usage({ disclosures: used[0].n, departments: used[0].departments, published: 0, examples: [], library: 0 })
        : "",
      library[0].n > 0
        ? e.usage({ disclosures: 0, departments: 0, published: 0, examples: [], library: library[0].n })
        : "",
    ].filter(Boolean);
    if (parts.length > 0) throw new UserError(e.deleteInUse(parts.join("、")), {}, "invalid-state");
    await tx.delete(indicatorFrameworks).where(eq(indicatorFrameworks.id, input.id));
    await appendAudit(tx, {
      actorId,
      ip,
      action: "framework.delete",
      entityType: "indicator_framework",
      entityId: input.id,
      detail: { before: { name: row.name, source: row.source, levels: row.levels } },
    });
  });
}
