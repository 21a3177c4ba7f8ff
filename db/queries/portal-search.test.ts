import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanContent, disclosureIn } from "../test-workflow";
import { createTestDb, type TestDb } from "../test-db";
import { buildTestOrg, type TestOrg } from "../test-org";
import { listPublicDisclosures } from "./portal";

/**
 * The portal's search (/public?q=…&year=…) on a real database: by department name, code or
 * title, across years or within one, each department's latest revision only.
 */

let t: TestDb;
let w: TestOrg;

beforeAll(async () => {
  t = await createTestDb();
  w = await buildTestOrg(t.db);
  const office = { clerk: w.actors.clerk, approver: w.actors.approver, admin: w.actors.admin };
  const health = { clerk: w.actors.clerk2, approver: w.actors.approver2, admin: w.actors.admin };
  const publish = (departmentId: string, department: { code: string; name: string }, year: number) => {
    const cast = departmentId === w.departments.health ? health : office;
    const content = cleanContent(year);
    content.department = department;
    content.title = `${department.name}${year}年部门预算信息公开情况说明`;
    return disclosureIn(t.db, cast, departmentId, "published", year, content);
  };
  await publish(w.departments.office, { code: "434", name: "三河市人民政府办公室" }, 2030);
  await publish(w.departments.office, { code: "434", name: "三河市人民政府办公室" }, 2031);
  await publish(w.departments.health, { code: "411", name: "三河市卫生健康局" }, 2031);
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const listed = async (filter: { fiscalYear?: number; q?: string }) =>
  (await listPublicDisclosures(t.db, filter)).map((r) => `${r.departmentCode}-${r.fiscalYear}`);

describe("listPublicDisclosures with a search", () => {
  it("finds a department by a part of its name across every year, newest first", async () => {
    expect(await listed({ q: "人民政府" })).toEqual(["434-2031", "434-2030"]);
    expect(await listed({ q: "卫生" })).toEqual(["411-2031"]);
  });

  it("finds by code, and narrows to one year with the year", async () => {
    expect(await listed({ q: "411" })).toEqual(["411-2031"]);
    expect(await listed({ q: "三河市", fiscalYear: 2031 })).toEqual(["411-2031", "434-2031"]);
  });

  it("ignores surrounding spaces, lists everything for an empty search and nothing for a stranger", async () => {
    expect(await listed({ q: "  办公室 " })).toEqual(["434-2031", "434-2030"]);
    expect(await listed({ q: "" })).toEqual(["411-2031", "434-2031", "434-2030"]);
    expect(await listed({ q: "教育局" })).toEqual([]);
    // Typed wildcards are text: nothing is named with a percent sign.
    expect(await listed({ q: "%" })).toEqual([]);
  });
});
