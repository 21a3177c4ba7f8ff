import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Disclosure } from "@/lib/domain/model";
import { toCanonical, type EditableDisclosure } from "@/lib/domain/editable";
import { ConflictError, ForbiddenError, UserError, NotFoundError } from "@/lib/errors";
import { indicators, procurementItems, projectFunds } from "../schema/disclosures";
import { createTestDb, type TestDb } from "../test-db";
import { buildTestOrg, type TestOrg } from "../test-org";
import { createDisclosure, getDisclosureMeta, loadDisclosure, loadEditableDisclosure } from "./disclosures";
import { saveDisclosureContent } from "./disclosure-save";
import { sanhe2020 } from "@/lib/domain/__fixtures__/sanhe-2020";
import { sanhe2020Tables } from "@/lib/domain/__fixtures__/sanhe-2020-tables";

let t: TestDb;
let world: TestOrg;
let fixture: Disclosure;
let id: string;

beforeAll(async () => {
  t = await createTestDb();
  world = await buildTestOrg(t.db);
  fixture = sanhe2020();
  ({ id } = await createDisclosure(t.db, world.actors.clerk, {
    departmentId: world.departments.office,
    fiscalYear: 2020,
    content: fixture,
  }));
});
afterAll(async () => {
  await t?.close();
});

const version = async () => (await getDisclosureMeta(t.db, world.actors.clerk, id)).version;

describe("a disclosure's content in the database", () => {
  it("loads back deep-equal to the fixture's canonical JSON", async () => {
    expect(await loadDisclosure(t.db, world.actors.clerk, id)).toEqual(fixture);
  });

  it("holds every project and indicator row of the fixture", async () => {
    const { content } = await loadEditableDisclosure(t.db, world.actors.clerk, id);
    expect(content.performance.projects).toHaveLength(13);
    expect(content.performance.projects.flatMap((p) => p.indicators)).toHaveLength(107);
    expect(content.performance.projects.every((p) => p.id && p.indicators.every((i) => i.id))).toBe(true);
  });

  it("keeps money exact from input to numeric(16,2) and back", async () => {
    const [car] = await t.db.select().from(procurementItems).where(eq(procurementItems.catalogCode, "A02030501"));
    expect(car).toMatchObject({ quantity: 3, unitPrice: "17.98", amount: "53.94" });
    const loaded = await loadDisclosure(t.db, world.actors.clerk, id);
    expect(loaded.budget.income.total).toBe("2765.39");
    expect(loaded.threePublic.current.vehiclePurchase).toBe("53.94");
    const [sum] = await t.db
      .select({ total: sql<string>`sum(${procurementItems.amount})::numeric(16,2)::text` })
      .from(procurementItems);
    expect(sum.total).toBe("99.00");
  });

  it("the canonical form has no row ids", async () => {
    const loaded = await loadDisclosure(t.db, world.actors.clerk, id);
    expect(JSON.stringify(loaded)).not.toMatch(/"id":/);
  });
});

describe("saving", () => {
  it("changes nothing and keeps the version when the content is the same", async () => {
    const before = await version();
    const { content } = await loadEditableDisclosure(t.db, world.actors.clerk, id);
    const result = await saveDisclosureContent(t.db, world.actors.clerk, id, content, { expectedVersion: before });
    expect(result).toMatchObject({ changed: false, version: before });
  });

  it("keeps the budget tables whole, and removes them when they are removed", async () => {
    const { content } = await loadEditableDisclosure(t.db, world.actors.clerk, id);
    expect(content.tables).toBeUndefined();
    const saved = await saveDisclosureContent(
      t.db,
      world.actors.clerk,
      id,
      { ...content, tables: sanhe2020Tables() },
      {
        expectedVersion: await version(),
      },
    );
    expect(saved.changed).toBe(true);
    const withTables = await loadDisclosure(t.db, world.actors.clerk, id);
    expect(withTables.tables).toEqual(sanhe2020Tables());
    const { content: again } = await loadEditableDisclosure(t.db, world.actors.clerk, id);
    const { tables: _tables, ...without } = again;
    await saveDisclosureContent(t.db, world.actors.clerk, id, without, { expectedVersion: await version() });
    expect((await loadDisclosure(t.db, world.actors.clerk, id)).tables).toBeUndefined();
  });

  it("keeps a row's 评（扣）分标准, and leaves it out of the canonical form again once emptied", async () => {
    const { content } = await loadEditableDisclosure(t.db, world.actors.clerk, id);
    const scored = structuredClone(content);
    scored.performance.projects[0].indicators[1].scoringStandard = "完成率每低于目标 10%扣 1 分";
    await saveDisclosureContent(t.db, world.actors.clerk, id, scored, { expectedVersion: await version() });
    const [row] = await t.db
      .select({ scoringStandard: indicators.scoringStandard })
      .from(indicators)
      .where(eq(indicators.id, scored.performance.projects[0].indicators[1].id!));
    expect(row.scoringStandard).toBe("完成率每低于目标 10%扣 1 分");
    const loaded = await loadDisclosure(t.db, world.actors.clerk, id);
    expect(loaded.performance.projects[0].indicators[1].scoringStandard).toBe("完成率每低于目标 10%扣 1 分");
    expect("scoringStandard" in loaded.performance.projects[0].indicators[0]).toBe(false);

    const { content: again } = await loadEditableDisclosure(t.db, world.actors.clerk, id);
    again.performance.projects[0].indicators[1].scoringStandard = "";
    await saveDisclosureContent(t.db, world.actors.clerk, id, again, { expectedVersion: await version() });
    expect(await loadDisclosure(t.db, world.actors.clerk, id)).toEqual(fixture);
  });

  it("refuses a stale version with ConflictError and writes nothing", async () => {
    const { content } = await loadEditableDisclosure(t.db, world.actors.clerk, id);
    const stale = await version();
    const first = structuredClone(content);
    first.otherMatters = "第一位填报员的修改";
    await saveDisclosureContent(t.db, world.actors.clerk, id, first, { expectedVersion: stale });
    const afterFirst = await loadDisclosure(t.db, world.actors.clerk, id);

    const second = structuredClone(content);
    second.otherMatters = "第二位填报员的修改";
    second.performance.projects[0].indicators[0].name = "被覆盖的指标";
    const attempt = saveDisclosureContent(t.db, world.actors.clerk, id, second, { expectedVersion: stale });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ expectedVersion: stale, currentVersion: stale + 1 });
    expect(await loadDisclosure(t.db, world.actors.clerk, id)).toEqual(afterFirst);
    expect(await version()).toBe(stale + 1);
  });

  it("keeps row ids across saves, reorders, moves between projects and inserts", async () => {
    const { content } = await loadEditableDisclosure(t.db, world.actors.clerk, id);
    const [p0, p1] = content.performance.projects;
    const moved = p0.indicators[2];
    const next: EditableDisclosure = structuredClone(content);
    const [q0, q1] = next.performance.projects;
    q0.indicators.reverse();
    const inserted = { ...q0.indicators[0], id: undefined, name: "新增的指标" };
    q0.indicators.splice(1, 0, inserted);
    const [taken] = q0.indicators.splice(
      q0.indicators.findIndex((i) => i.id === moved.id),
      1,
    );
    q1.indicators.unshift(taken);
    next.performance.projects = [q1, q0, ...next.performance.projects.slice(2)];
    next.procurement.items.reverse();

    const saved = await saveDisclosureContent(t.db, world.actors.clerk, id, next, { expectedVersion: await version() });
    expect(saved.changes.indicators.added).toHaveLength(1);
    expect(saved.changes.indicators.removed).toHaveLength(0);

    const reloaded = (await loadEditableDisclosure(t.db, world.actors.clerk, id)).content;
    expect(reloaded).toEqual(saved.content);
    const [r0, r1] = reloaded.performance.projects;
    expect(r0.id).toBe(p1.id);
    expect(r1.id).toBe(p0.id);
    expect(r0.indicators[0]).toEqual(moved);
    const newRow = r1.indicators[1];
    expect(newRow.name).toBe("新增的指标");
    expect(newRow.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      r1.indicators
        .filter((i) => i.id !== newRow.id)
        .map((i) => i.id)
        .sort(),
    ).toEqual(
      p0.indicators
        .filter((i) => i.id !== moved.id)
        .map((i) => i.id)
        .sort(),
    );
    expect(reloaded.procurement.items.map((i) => i.id)).toEqual(content.procurement.items.map((i) => i.id).reverse());
  });

  it("gives a copied row a new id instead of sharing one, and never takes another disclosure's row", async () => {
    const other = await createDisclosure(t.db, world.actors.clerk, {
      departmentId: world.departments.office,
      fiscalYear: 2021,
      content: { ...fixture, fiscalYear: 2021 },
    });
    const foreign = (await loadEditableDisclosure(t.db, world.actors.clerk, other.id)).content.performance.projects[0]
      .indicators[0];

    const { content } = await loadEditableDisclosure(t.db, world.actors.clerk, id);
    const next = structuredClone(content);
    const project = next.performance.projects[0];
    project.indicators.push({ ...project.indicators[0] }, { ...foreign, name: "借来的行" });
    const clientMade = crypto.randomUUID();
    project.indicators.push({ ...project.indicators[0], id: clientMade, name: "浏览器生成的 id" });
    const saved = await saveDisclosureContent(t.db, world.actors.clerk, id, next, { expectedVersion: await version() });

    const ids = saved.content.performance.projects[0].indicators.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(foreign.id);
    expect(ids.at(-1)).toBe(clientMade);
    const [stillThere] = await t.db.select().from(indicators).where(eq(indicators.id, foreign.id!));
    expect(stillThere.name).toBe(foreign.name);
  });

  it("deletes removed rows and their indicators", async () => {
    const { content } = await loadEditableDisclosure(t.db, world.actors.clerk, id);
    const next = structuredClone(content);
    const [dropped] = next.performance.projects.splice(0, 1);
    next.procurement.items = [];
    const saved = await saveDisclosureContent(t.db, world.actors.clerk, id, next, { expectedVersion: await version() });
    expect(saved.changes.projects.removed).toEqual([dropped.id]);
    expect(await t.db.select().from(indicators).where(eq(indicators.projectId, dropped.id!))).toEqual([]);
    expect(await t.db.select().from(projectFunds).where(eq(projectFunds.id, dropped.id!))).toEqual([]);
    expect(toCanonical(saved.content)).toEqual(await loadDisclosure(t.db, world.actors.clerk, id));
  });
});

describe("identity", () => {
  it("refuses a second disclosure for the same department and year", async () => {
    await expect(
      createDisclosure(t.db, world.actors.clerk, { departmentId: world.departments.office, fiscalYear: 2020 }),
    ).rejects.toBeInstanceOf(UserError);
  });

  it("refuses content that belongs to another department or year", async () => {
    const { meta, content } = await loadEditableDisclosure(t.db, world.actors.clerk, id);
    const attempt = { ...content, department: { code: "411", name: "三河市卫生健康局" } };
    await expect(
      saveDisclosureContent(t.db, world.actors.clerk, id, attempt, { expectedVersion: meta.version }),
    ).rejects.toBeInstanceOf(UserError);
    await expect(
      saveDisclosureContent(
        t.db,
        world.actors.clerk,
        id,
        { ...content, fiscalYear: 2021 },
        { expectedVersion: meta.version },
      ),
    ).rejects.toBeInstanceOf(UserError);
    expect(await version()).toBe(meta.version);
  });
});

describe("scope", () => {
  it("hides the disclosure from another department's clerk and from another desk's approver", async () => {
    await expect(loadDisclosure(t.db, world.actors.clerk2, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDisclosureMeta(t.db, world.actors.approver2, id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getDisclosureMeta(t.db, world.actors.approver, id)).departmentCode).toBe("434");
  });

  it("refuses a save by an approver who may read it, and by a clerk who may not", async () => {
    const { meta, content } = await loadEditableDisclosure(t.db, world.actors.approver, id);
    await expect(
      saveDisclosureContent(t.db, world.actors.approver, id, content, { expectedVersion: meta.version }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      saveDisclosureContent(t.db, world.actors.clerk2, id, content, { expectedVersion: meta.version }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
