import fc from "fast-check";
import { getAt, type PathSegment } from "../paths";
import type { SavedDisclosure, SavedIndicator, SavedProcurementItem } from "../editable";
import { newIndicator } from "./sanhe-draft";

/**
 * Random edit scripts for two people working on the same draft, split so they touch disjoint
 * fields: each field, indicator row's cells, project table and procurement line has at most one
 * owner. Edits name rows by id, so "apply A, then B" is well defined whatever A did to positions.
 */

export type Side = "A" | "B";

export type Edit =
  | { op: "field"; path: ReadonlyArray<PathSegment>; value: unknown }
  | { op: "cell"; row: string; key: keyof SavedIndicator; value: unknown }
  | { op: "project"; project: string; key: "name" | "goal" | "amount"; value: unknown }
  | { op: "delete"; row: string }
  | { op: "insert"; project: string; after: string | null; row: SavedIndicator }
  | { op: "move"; row: string; project: string; after: string | null }
  | { op: "item"; item: string; key: "quantity" | "unitPrice" | "item"; value: unknown }
  | { op: "deleteItem"; item: string }
  | { op: "appendItem"; item: SavedProcurementItem };

const amountText = fc
  .integer({ min: 0, max: 999_999 })
  .map((n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, "0")}`);
const words = fc.string({
  minLength: 1,
  maxLength: 6,
  unit: fc.constantFrom("修", "志", "培", "训", "率", "满", "意", "a", "1"),
});
const targetText = fc
  .constantFrom("≥95%", "=3次", "明显提升", "<=10天", "=100%")
  .map((raw) => ({ raw, kind: "unparsed" as const }));
const side = fc.constantFrom<Side>("A", "B");
const owner = fc.constantFrom<Side | null>("A", "B", null);

/** Leaves outside the id'd tables: budget figures, reasons, texts, glossary and unit cells. */
export function plainLeaves(draft: SavedDisclosure): PathSegment[][] {
  const out: PathSegment[][] = [];
  const walk = (node: unknown, at: PathSegment[]) => {
    if (at[0] === "performance" && at[1] === "projects") return;
    if (at[0] === "procurement" && at[1] === "items") return;
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...at, i]));
    else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) walk(v, [...at, k]);
    else if (typeof node === "string" || node === null) out.push(at);
  };
  walk(draft, []);
  return out.filter((p) => !["schemaVersion", "fiscalYear", "department"].includes(String(p[0])));
}

/** Two scripts whose edits touch disjoint fields and rows. */
export function disjointScripts(base: SavedDisclosure): fc.Arbitrary<{ A: Edit[]; B: Edit[] }> {
  const leaves = plainLeaves(base);
  const projects = base.performance.projects;
  const rows = projects.flatMap((p) => p.indicators);
  const items = base.procurement.items;
  const cellKeys = fc.constantFrom<keyof SavedIndicator>("level2", "name", "description", "target", "basis", "weight");
  return fc
    .record({
      leaves: fc.uniqueArray(fc.record({ at: fc.nat(leaves.length - 1), side, text: words, amount: amountText }), {
        selector: (e) => e.at,
        maxLength: 6,
      }),
      tables: fc.array(owner, { minLength: projects.length, maxLength: projects.length }),
      cells: fc.uniqueArray(
        fc.record({
          at: fc.nat(rows.length - 1),
          side,
          key: cellKeys,
          text: words,
          target: targetText,
          weight: fc.nat(40),
        }),
        {
          selector: (e) => e.at,
          maxLength: 8,
        },
      ),
      projectEdits: fc.array(
        fc.record({
          project: fc.nat(projects.length - 1),
          key: fc.constantFrom("name", "goal", "amount" as const),
          text: words,
          amount: amountText,
        }),
        { maxLength: 3 },
      ),
      structure: fc.array(
        fc.record({
          kind: fc.constantFrom("insert", "delete", "move", "moveAcross"),
          project: fc.nat(projects.length - 1),
          a: fc.nat(20),
          b: fc.nat(20),
          to: fc.nat(projects.length - 1),
          name: words,
        }),
        { maxLength: 8 },
      ),
      items: fc.array(owner, { minLength: items.length, maxLength: items.length }),
      itemEdits: fc.array(
        fc.record({
          item: fc.nat(items.length - 1),
          key: fc.constantFrom("quantity", "unitPrice", "item" as const),
          n: fc.nat(9),
          amount: amountText,
          text: words,
          remove: fc.boolean(),
        }),
        { maxLength: 3 },
      ),
      appender: owner,
    })
    .map((plan) => {
      const cellOwner = new Map(plan.cells.map((c) => [rows[c.at].id, c.side]));
      const scripts: Record<Side, Edit[]> = { A: [], B: [] };
      for (const who of ["A", "B"] as const) {
        const script = scripts[who];
        const state = structuredClone(base);
        const push = (edit: Edit) => {
          script.push(edit);
          applyInPlace(state, edit);
        };
        for (const l of plan.leaves) {
          if (l.side !== who) continue;
          const path = leaves[l.at];
          const isAmount = getAt(base, path) === null || /^\d+\.\d{2}$/.test(String(getAt(base, path)));
          push({ op: "field", path, value: isAmount ? l.amount : l.text });
        }
        for (const c of plan.cells) {
          if (c.side !== who) continue;
          const value = c.key === "target" ? c.target : c.key === "weight" ? c.weight : c.text;
          push({ op: "cell", row: rows[c.at].id, key: c.key, value });
        }
        for (const e of plan.projectEdits) {
          if (plan.tables[e.project] !== who) continue;
          push({
            op: "project",
            project: projects[e.project].id,
            key: e.key,
            value: e.key === "amount" ? e.amount : e.text,
          });
        }
        for (const s of plan.structure) {
          if (plan.tables[s.project] !== who) continue;
          const table = state.performance.projects.find((p) => p.id === projects[s.project].id)!.indicators;
          const after = (n: number, list = table) =>
            list.length === 0 || n % (list.length + 1) === 0 ? null : list[(n % (list.length + 1)) - 1].id;
          if (s.kind === "insert")
            push({ op: "insert", project: projects[s.project].id, after: after(s.a), row: newIndicator(s.name) });
          if (table.length === 0) continue;
          const row = table[s.a % table.length];
          const othersCell = cellOwner.get(row.id) !== undefined && cellOwner.get(row.id) !== who;
          if (s.kind === "delete" && !othersCell) push({ op: "delete", row: row.id });
          if (s.kind === "move")
            push({
              op: "move",
              row: row.id,
              project: projects[s.project].id,
              after: after(
                s.b,
                table.filter((r) => r.id !== row.id),
              ),
            });
          if (s.kind === "moveAcross" && plan.tables[s.to] === who && s.to !== s.project) {
            const target = state.performance.projects.find((p) => p.id === projects[s.to].id)!.indicators;
            push({ op: "move", row: row.id, project: projects[s.to].id, after: after(s.b, target) });
          }
        }
        for (const e of plan.itemEdits) {
          const id = items[e.item].id;
          if (plan.items[e.item] !== who || !state.procurement.items.some((i) => i.id === id)) continue;
          if (e.remove) push({ op: "deleteItem", item: id });
          else
            push({
              op: "item",
              item: id,
              key: e.key,
              value: e.key === "quantity" ? e.n : e.key === "unitPrice" ? e.amount : e.text,
            });
        }
        if (plan.appender === who)
          push({
            op: "appendItem",
            item: { ...structuredClone(items[0]), id: crypto.randomUUID(), item: "新采购品目" },
          });
      }
      return scripts;
    });
}

/** Applies edits in order to a copy; rows are found by id wherever they are. */
export function applyEdits(draft: SavedDisclosure, edits: ReadonlyArray<Edit>): SavedDisclosure {
  const d = structuredClone(draft);
  for (const edit of edits) applyInPlace(d, edit);
  return d;
}

function applyInPlace(d: SavedDisclosure, edit: Edit): void {
  const projects = d.performance.projects;
  const items = d.procurement.items;
  const tableOf = (id: string) => projects.find((p) => p.id === id)!.indicators;
  const insertAfter = (table: SavedIndicator[], after: string | null, row: SavedIndicator) => {
    const at = after === null ? 0 : table.findIndex((r) => r.id === after) + 1;
    table.splice(at === 0 && after !== null ? table.length : at, 0, row);
  };
  const removeRow = (id: string) => {
    for (const p of projects) {
      const at = p.indicators.findIndex((r) => r.id === id);
      if (at >= 0) return p.indicators.splice(at, 1)[0];
    }
    return undefined;
  };
  const set = (target: object | undefined, key: string, value: unknown) => {
    if (target) (target as Record<string, unknown>)[key] = structuredClone(value);
  };
  switch (edit.op) {
    case "field": {
      const parent = getAt(d, edit.path.slice(0, -1)) as Record<PathSegment, unknown>;
      parent[edit.path[edit.path.length - 1]] = edit.value;
      return;
    }
    case "cell":
      return set(
        projects.flatMap((p) => p.indicators).find((r) => r.id === edit.row),
        edit.key,
        edit.value,
      );
    case "project":
      return set(
        projects.find((p) => p.id === edit.project),
        edit.key,
        edit.value,
      );
    case "delete":
      removeRow(edit.row);
      return;
    case "insert":
      return insertAfter(tableOf(edit.project), edit.after, structuredClone(edit.row));
    case "move": {
      const row = removeRow(edit.row);
      if (row) insertAfter(tableOf(edit.project), edit.after, row);
      return;
    }
    case "item":
      return set(
        items.find((i) => i.id === edit.item),
        edit.key,
        edit.value,
      );
    case "deleteItem":
      items.splice(
        items.findIndex((i) => i.id === edit.item),
        1,
      );
      return;
    case "appendItem":
      items.push(structuredClone(edit.item));
  }
}
