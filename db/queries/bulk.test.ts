import { getTableColumns } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyDisclosure } from "@/lib/domain/model";
import type { EditableDisclosure, EditableIndicator } from "@/lib/domain/editable";
import { indicators, procurementItems, projectFunds } from "../schema/disclosures";
import { createTestDb, type TestDb } from "../test-db";
import { buildTestOrg, type TestOrg } from "../test-org";
import { inSlices, MAX_BIND_PARAMETERS, sliceSize } from "./bulk";
import { writeContent } from "./content-writer";
import { createDisclosure } from "./disclosures";
import { readStoredContent } from "./disclosure-content";

describe("slices of rows for one statement", () => {
  it("keep every table's insert (and a where clause beside it) under PostgreSQL's 65,535 parameters", () => {
    for (const table of [projectFunds, indicators, procurementItems]) {
      const columns = Object.keys(getTableColumns(table)).length;
      expect(sliceSize(columns) * columns + 10).toBeLessThan(MAX_BIND_PARAMETERS);
    }
  });

  it("hand over every row once, in order, in as many slices as needed", async () => {
    const rows = Array.from({ length: 45_001 }, (_, i) => i);
    const slices: number[][] = [];
    await inSlices(rows, 1, async (slice) => void slices.push(slice));
    expect(slices.map((s) => s.length)).toEqual([20_000, 20_000, 5_001]);
    expect(slices.flat()).toEqual(rows);
    await inSlices([], 12, async () => expect.unreachable("no statement for no rows"));
  });
});

/**
 * Below the schema's row limits (lib/domain/limits.ts) the database layer must not be what fails:
 * 17,000 indicator rows are 204,000 parameters, past both what one statement may carry and the
 * ~190,000 at which drizzle's statement builder overflowed the stack.
 */
describe("writing far more rows than one statement carries", () => {
  let t: TestDb;
  let world: TestOrg;
  let id: string;
  const ROWS = 17_000;

  beforeAll(async () => {
    t = await createTestDb();
    world = await buildTestOrg(t.db);
    ({ id } = await createDisclosure(t.db, world.actors.clerk, {
      departmentId: world.departments.office,
      fiscalYear: 2020,
    }));
  });
  afterAll(async () => {
    await t?.close();
  });

  function withIndicators(rows: number, name: (n: number) => string): EditableDisclosure {
    const d = emptyDisclosure({ code: "434", name: "三河市人民政府办公室" }, 2020, "2020");
    const template: EditableIndicator = {
      level1: "产出指标",
      level2: "数量指标",
      name: "",
      description: "",
      target: { raw: "=2.00次", kind: "quantitative", operator: "=", value: "2.00", unit: "次" },
      basis: "",
    };
    const perProject = 100;
    const projects = Array.from({ length: Math.ceil(rows / perProject) }, (_, p) => ({
      name: `项目${p}`,
      amount: null,
      goal: "",
      indicators: Array.from({ length: perProject }, (_, i) => ({ ...template, name: name(p * perProject + i) })),
    }));
    return { ...d, performance: { ...d.performance, projects } };
  }

  it("inserts, updates and deletes them all within one transaction each", async () => {
    const inserted = await t.db.transaction(async (tx) =>
      writeContent(
        tx,
        id,
        null,
        withIndicators(ROWS, (n) => `指标${n}`),
        await readStoredContent(tx, id),
      ),
    );
    expect(inserted.changes.indicators.added).toHaveLength(ROWS);
    let stored = await readStoredContent(t.db, id);
    expect(stored.indicators).toHaveLength(ROWS);
    expect(new Set(stored.indicators.map((r) => r.name)).size).toBe(ROWS);

    // Every row again under the ids it was given, each one changed: one upsert per row.
    const renamed = structuredClone(inserted.content);
    for (const p of renamed.performance.projects) for (const i of p.indicators) i.name = `${i.name}（改）`;
    const updated = await t.db.transaction(async (tx) =>
      writeContent(tx, id, null, renamed, await readStoredContent(tx, id)),
    );
    expect(updated.changes.indicators.updated).toHaveLength(ROWS);
    stored = await readStoredContent(t.db, id);
    expect(stored.indicators.every((r) => r.name.endsWith("（改）"))).toBe(true);

    const emptied = { ...renamed, performance: { ...renamed.performance, projects: [] } };
    const removed = await t.db.transaction(async (tx) =>
      writeContent(tx, id, null, emptied, await readStoredContent(tx, id)),
    );
    expect(removed.changes.indicators.removed).toHaveLength(ROWS);
    stored = await readStoredContent(t.db, id);
    expect([stored.projects.length, stored.indicators.length]).toEqual([0, 0]);
  }, 180_000);
});
