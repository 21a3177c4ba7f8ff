import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { toCanonical, type EditableDisclosure } from "@/lib/domain/editable";
import { UserError } from "@/lib/errors";
import { createDisclosure, getDisclosureMeta, loadEditableDisclosure } from "@/db/queries/disclosures";
import { createTestDb, type TestDb } from "@/db/test-db";
import { buildTestOrg, type TestOrg } from "@/db/test-org";
import { disclosureLimits } from "@/lib/domain/limits";
import { inputMessages } from "@/lib/i18n/zh-CN/input";
import { executeOperation, type Outcome } from "@/app/_server/operation";
import { saveContentOperation, type SaveContentAnswer } from "./operations";
import { sanhe2020 } from "@/lib/domain/__fixtures__/sanhe-2020";

/**
 * The autosave at the size limits of lib/domain/limits.ts, called as the browser calls it: a
 * disclosure at every limit at once is stored and reads back the same; one row more is refused in
 * Chinese at the table that is over (it was a 500 past ~5,400 indicator rows, and a stack overflow
 * past ~16,000) and nothing is stored.
 */

const max = disclosureLimits;
let t: TestDb;
let world: TestOrg;
let id: string;

beforeAll(async () => {
  t = await createTestDb();
  world = await buildTestOrg(t.db);
  ({ id } = await createDisclosure(t.db, world.actors.clerk, {
    departmentId: world.departments.office,
    fiscalYear: 2020,
    content: sanhe2020(),
  }));
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterAll(async () => {
  await t?.close();
});

const save = (content: unknown, expectedVersion: number) =>
  executeOperation(
    saveContentOperation,
    { db: t.db, actor: world.actors.clerk, ip: "127.0.0.1" },
    { id, expectedVersion, content },
  ) as Promise<Outcome<SaveContentAnswer>>;

/** The fixture's content grown to `projects` projects sharing `indicators` of its indicator rows, and `items` procurement lines. */
function sized(base: EditableDisclosure, projects: number, indicators: number, items: number): EditableDisclosure {
  const d = structuredClone(base);
  const rows = base.performance.projects.flatMap((p) => p.indicators).map(({ id: _id, ...row }) => row);
  const lines = base.procurement.items.map(({ id: _id, ...line }) => line);
  d.performance.projects = Array.from({ length: projects }, (_, p) => ({
    name: `项目${p}`,
    amount: `${p}.00`,
    goal: `目标${p}`,
    indicators: [] as EditableDisclosure["performance"]["projects"][number]["indicators"],
  }));
  for (let n = 0; n < indicators; n++)
    d.performance.projects[n % projects].indicators.push({ ...rows[n % rows.length], name: `指标${n}` });
  d.procurement.items = Array.from({ length: items }, (_, n) => ({
    ...lines[n % lines.length],
    item: `品目${n}`,
    quantity: n,
  }));
  return d;
}

describe("autosave at the row limits", () => {
  it("stores a disclosure at every limit at once, and it reads back the same", async () => {
    const { meta, content } = await loadEditableDisclosure(t.db, world.actors.clerk, id);
    const full = sized(content, max.projects, max.indicators, max.procurementItems);
    const outcome = await save(full, meta.version);
    expect(outcome).toEqual({ ok: true, data: { kind: "saved", version: meta.version + 1 } });

    const back = await loadEditableDisclosure(t.db, world.actors.clerk, id);
    expect(toCanonical(back.content)).toEqual(toCanonical(full));
    expect(back.content.performance.projects.flatMap((p) => p.indicators)).toHaveLength(max.indicators);
    // Saved again as loaded (every row with its id), nothing differs: the version stays.
    expect(await save(back.content, back.meta.version)).toEqual({
      ok: true,
      data: { kind: "saved", version: back.meta.version },
    });
  }, 120_000);

  it.each([
    [
      "indicators",
      (b: EditableDisclosure) => sized(b, 100, max.indicators + 1, 1),
      "content.performance.projects",
      inputMessages.rows.indicators(max.indicators + 1, max.indicators),
    ],
    [
      "indicators, three times over",
      (b: EditableDisclosure) => sized(b, 100, 16_001, 1),
      "content.performance.projects",
      inputMessages.rows.indicators(16_001, max.indicators),
    ],
    [
      "projects",
      (b: EditableDisclosure) => sized(b, max.projects + 1, 1, 1),
      "content.performance.projects",
      inputMessages.rows.projects(max.projects + 1, max.projects),
    ],
    [
      "procurement lines",
      (b: EditableDisclosure) => sized(b, 1, 1, max.procurementItems + 1),
      "content.procurement.items",
      inputMessages.rows.procurementItems(max.procurementItems + 1, max.procurementItems),
    ],
  ])(
    "refuses one row too many (%s) at the table, in Chinese, and stores nothing",
    async (_what, grow, path, message) => {
      const { meta, content } = await loadEditableDisclosure(t.db, world.actors.clerk, id);
      const outcome = await save(grow(content), meta.version);
      expect(outcome).toMatchObject({ ok: false, code: "invalid-input", fieldErrors: { [path]: [message] } });
      expect((await getDisclosureMeta(t.db, world.actors.clerk, id)).version).toBe(meta.version);
    },
    60_000,
  );

  it("a draft made from content over a limit (a sheet's rows) is refused in words, not as a failure", async () => {
    const { content } = await loadEditableDisclosure(t.db, world.actors.clerk, id);
    const start = createDisclosure(t.db, world.actors.clerk, {
      departmentId: world.departments.office,
      fiscalYear: 2021,
      content: sized(content, 1, 1, max.procurementItems + 1),
    });
    await expect(start).rejects.toThrow(UserError);
    await expect(start).rejects.toThrow(
      inputMessages.rows.procurementItems(max.procurementItems + 1, max.procurementItems),
    );
  });
});
