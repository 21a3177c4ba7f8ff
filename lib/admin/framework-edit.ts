import { z } from "zod";
import type { IndicatorFramework } from "../domain/frameworks";
import { adminMessages } from "../i18n/zh-CN/admin";

/**
 * Editing a framework's levels in place (framework.update): the form's shape, checked the same way
 * in the browser (react-hook-form's resolver) and on the server (the operation's input). Each
 * level-1 and level-2 carries `original`, the name it had when the form was opened ("" for a new
 * one), so that a rename can be told from a removal in the messages and the audit row. The server
 * decides what may change from the stored levels, never from `original`.
 */

const f = adminMessages.frameworks;
const e = f.edit;

export const LEVEL_NAME_MAX = 50;
export const LEVEL1_MAX = 30;
export const LEVEL2_MAX = 50;

const levelName = (required: string) =>
  z.string().trim().min(1, required).max(LEVEL_NAME_MAX, e.tooLong(LEVEL_NAME_MAX));
const original = z.string().max(200);

export const frameworkEditForm = z
  .object({
    id: z.string().min(1).max(20),
    /** The fingerprint of the framework as the form was opened: a changed one is refused (optimistic locking). */
    expected: z.string().min(1).max(200),
    name: z.string().trim().min(1, f.nameRequired).max(100, e.tooLong(100)),
    source: z.string().trim().max(200, e.tooLong(200)),
    levels: z
      .array(
        z.object({
          original,
          name: levelName(e.level1Required),
          level2: z
            .array(z.object({ original, name: levelName(e.level2Required) }))
            .min(1, e.level2Empty)
            .max(LEVEL2_MAX, e.tooMany(LEVEL2_MAX)),
        }),
      )
      .min(1, e.levelsEmpty)
      .max(LEVEL1_MAX, e.tooMany(LEVEL1_MAX)),
  })
  .superRefine((form, ctx) => {
    // Duplicates are named where the second one is, so the first keeps its place.
    const level1s = new Set<string>();
    form.levels.forEach((l1, i) => {
      if (level1s.has(l1.name))
        ctx.addIssue({ code: "custom", path: ["levels", i, "name"], message: e.duplicateLevel1(l1.name) });
      level1s.add(l1.name);
      const level2s = new Set<string>();
      l1.level2.forEach((l2, j) => {
        if (level2s.has(l2.name))
          ctx.addIssue({
            code: "custom",
            path: ["levels", i, "level2", j, "name"],
            message: e.duplicateLevel2(l1.name, l2.name),
          });
        level2s.add(l2.name);
      });
    });
  });

export type FrameworkEditForm = z.infer<typeof frameworkEditForm>;
type Levels = IndicatorFramework["levels"];

/** The form's levels as the framework stores them. */
export function levelsOf(form: Pick<FrameworkEditForm, "levels">): Levels {
  return form.levels.map((l) => ({ level1: l.name, level2: l.level2.map((x) => x.name) }));
}

/** A stored framework as the form opens it: every name is its own original. */
export function formOf(framework: IndicatorFramework, expected: string): FrameworkEditForm {
  return {
    id: framework.id,
    expected,
    name: framework.name,
    source: framework.source,
    levels: framework.levels.map((l) => ({
      original: l.level1,
      name: l.level1,
      level2: l.level2.map((x) => ({ original: x, name: x })),
    })),
  };
}

/** A level-1/level-2 pair as one key (names cannot hold U+0000: executeOperation refuses it). */
export const pairKey = (level1: string, level2: string) => `${level1}\u0000${level2}`;

/**
 * What an edit changes, in Chinese for the audit row: renames (by `original`, only when the original
 * really was in the stored framework), additions, removals and whether the order moved.
 */
export function describeChanges(
  before: Pick<IndicatorFramework, "name" | "source" | "levels">,
  form: FrameworkEditForm,
): string[] {
  const c = e.changes;
  const out: string[] = [];
  if (before.name !== form.name) out.push(c.name(before.name, form.name));
  if (before.source !== form.source) out.push(c.source);
  const beforeLevel1 = new Map(before.levels.map((l) => [l.level1, l.level2]));
  const kept = new Set<string>();
  /** What stayed, by original names, in the form's order. */
  const stayed: [string, string[]][] = [];
  for (const l1 of form.levels) {
    const wasLevel2 = l1.original && !kept.has(l1.original) ? beforeLevel1.get(l1.original) : undefined;
    if (!wasLevel2) {
      out.push(c.level1Added(l1.name));
      continue;
    }
    kept.add(l1.original);
    if (l1.original !== l1.name) out.push(c.level1Renamed(l1.original, l1.name));
    const keptLevel2 = new Set<string>();
    for (const l2 of l1.level2) {
      if (l2.original && wasLevel2.includes(l2.original) && !keptLevel2.has(l2.original)) {
        keptLevel2.add(l2.original);
        if (l2.original !== l2.name) out.push(c.level2Renamed(l1.name, l2.original, l2.name));
      } else out.push(c.level2Added(l1.name, l2.name));
    }
    for (const name of wasLevel2) if (!keptLevel2.has(name)) out.push(c.level2Removed(l1.name, name));
    stayed.push([l1.original, [...keptLevel2]]);
  }
  for (const l of before.levels) if (!kept.has(l.level1)) out.push(c.level1Removed(l.level1));
  const stayedBefore = before.levels
    .filter((l) => kept.has(l.level1))
    .map((l): [string, string[]] => [
      l.level1,
      l.level2.filter((x) => stayed.find(([l1]) => l1 === l.level1)?.[1].includes(x)),
    ]);
  if (JSON.stringify(stayed) !== JSON.stringify(stayedBefore)) out.push(c.reordered);
  return out;
}
