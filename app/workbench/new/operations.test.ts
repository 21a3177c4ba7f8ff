import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateDepartment } from "@/db/queries/departments";
import { createDisclosure, listDisclosuresForActor, loadDisclosure } from "@/db/queries/disclosures";
import { loadUpload, storeUpload } from "@/db/queries/imports";
import { saveFiscalYear } from "@/db/queries/settings";
import { createTestDb, type TestDb } from "@/db/test-db";
import { buildTestOrg, type TestOrg } from "@/db/test-org";
import type { Actor } from "@/lib/auth/actor";
import type { Disclosure } from "@/lib/domain/model";
import { renderDocx } from "@/lib/export/docx";
import { renderJson } from "@/lib/export/json";
import { renderXlsx } from "@/lib/export/xlsx";
import { readUpload } from "@/lib/import/upload/read-upload";
import { MAX_UPLOAD_BYTES } from "@/lib/import/upload/limits";
import { executeOperation, type Outcome } from "@/app/_server/operation";
import { uploadImportOperation } from "@/app/api/imports/operation";
import { startDisclosureOperation, type StartInput } from "./operations";
import { sanhe2020, sanhe2020Bytes } from "@/lib/domain/__fixtures__/sanhe-2020";

/**
 * Starting a year on a real database, through the operations the upload route and the accept
 * button call: each way to start, and each refusal, as the server decides it.
 */

const fixtureText = sanhe2020Bytes();
const units = [{ name: "三河市卫生健康局", nature: "行政", level: "正科级", fundingForm: "财政拨款" }];
const indicatorCount = (d: Disclosure) => d.performance.projects.reduce((n, p) => n + p.indicators.length, 0);

let t: TestDb;
let w: TestOrg;
beforeAll(async () => {
  t = await createTestDb();
  w = await buildTestOrg(t.db);
  for (const year of [2022, 2023, 2024, 2025, 2026, 2027, 2028])
    await saveFiscalYear(t.db, null, { year, frameworkId: "2021", submissionDeadline: null, status: "open" });
  await updateDepartment(t.db, w.actors.admin.id, w.departments.health, { orgUnits: units });
  // 434's 2020 disclosure (the fixture), not published: last year's latest revision is the source.
  await createDisclosure(t.db, w.actors.clerk, {
    departmentId: w.departments.office,
    fiscalYear: 2020,
    content: sanhe2020(),
  });
});
afterAll(async () => {
  await t?.close();
});

const start = (actor: Actor, input: StartInput) =>
  executeOperation(startDisclosureOperation, { db: t.db, actor, ip: "127.0.0.1" }, input);
const upload = (
  actor: Actor,
  departmentId: string,
  fiscalYear: number,
  name: string,
  bytes: Uint8Array,
  size = bytes.byteLength,
) =>
  executeOperation(
    uploadImportOperation,
    { db: t.db, actor, ip: "127.0.0.1" },
    { departmentId, fiscalYear, file: { name, size, bytes } },
  );

function ok<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`${outcome.code}: ${outcome.formError} ${JSON.stringify(outcome.fieldErrors)}`);
  return outcome.data;
}
const drafts = (actor: Actor, departmentId: string, fiscalYear: number) =>
  listDisclosuresForActor(t.db, actor, { departmentId, fiscalYear });

describe("each way to start a year", () => {
  it("empty: the department's name, code and current units, the year's framework", async () => {
    const { id, href } = ok(
      await start(w.actors.clerk2, { mode: "empty", departmentId: w.departments.health, fiscalYear: 2022 }),
    );
    expect(href).toBe(`/disclosures/${id}/edit`);
    const d = await loadDisclosure(t.db, w.actors.clerk2, id);
    expect(d).toMatchObject({
      department: { code: "411", name: "三河市卫生健康局" },
      fiscalYear: 2022,
      orgUnits: units,
      responsibilities: [],
      performance: { framework: "2021", projects: [] },
    });
  });

  it("from last year: last year's texts, projects and indicators, its figures as the prior-year column", async () => {
    const { id } = ok(
      await start(w.actors.clerk, { mode: "last-year", departmentId: w.departments.office, fiscalYear: 2021 }),
    );
    const d = await loadDisclosure(t.db, w.actors.clerk, id);
    const fixture = sanhe2020();
    expect(d.responsibilities).toEqual(fixture.responsibilities);
    expect(d.performance.projects.map((p) => p.name)).toEqual(fixture.performance.projects.map((p) => p.name));
    expect(indicatorCount(d)).toBe(107);
    expect(d.budget.priorYear).toEqual({ total: "2765.39", basic: "1162.43", project: "1602.96" });
    expect(d.threePublic.priorYear).toEqual(fixture.threePublic.current);
    expect(d.title).toBe("三河市人民政府办公室2021年部门预算信息公开情况说明");
  });

  it("from last year, when there is no earlier disclosure: refused with what to do instead", async () => {
    const outcome = await start(w.actors.clerk2, {
      mode: "last-year",
      departmentId: w.departments.health,
      fiscalYear: 2021,
    });
    expect(outcome).toMatchObject({
      ok: false,
      code: "invalid-input",
      formError: "没有2020年或以前年度的信息公开可以沿用，请选择“空白开始”或“上传文件”。",
    });
  });

  it("from the uploaded fixture: nothing saved until accept, the same preview after a reload, then the draft", async () => {
    const { id: uploadId, href } = ok(
      await upload(w.actors.clerk2, w.departments.health, 2023, "sanhe-2020.txt", fixtureText),
    );
    expect(href).toBe(`/workbench/new/upload/${uploadId}`);
    expect(await drafts(w.actors.clerk2, w.departments.health, 2023)).toEqual([]);
    // The preview is read from the stored bytes each time: a reload reads the same.
    const first = await readUpload((await loadUpload(t.db, w.actors.clerk2, uploadId)).bytes, "sanhe-2020.txt");
    const again = await readUpload((await loadUpload(t.db, w.actors.clerk2, uploadId)).bytes, "sanhe-2020.txt");
    expect(again).toEqual(first);

    const { id } = ok(await start(w.actors.clerk2, { mode: "upload", uploadId }));
    const d = await loadDisclosure(t.db, w.actors.clerk2, id);
    expect(d).toMatchObject({ department: { code: "411", name: "三河市卫生健康局" }, fiscalYear: 2023 });
    expect(d.performance.projects).toHaveLength(13);
    expect(indicatorCount(d)).toBe(107);
    expect(d.budget.priorYear.total).toBe("2765.39");
    // Accepted: the bytes have done their job.
    await expect(loadUpload(t.db, w.actors.clerk2, uploadId)).rejects.toThrow("上传的文件已过期或不存在");
  });

  it("the GBK-encoded fixture uploads to the same preview as the UTF-8 one", async () => {
    const gbk = new Uint8Array(iconv.encode(fixtureText.toString("utf8"), "gbk"));
    const a = ok(await upload(w.actors.clerk2, w.departments.health, 2024, "utf8.txt", fixtureText));
    const b = ok(await upload(w.actors.clerk2, w.departments.health, 2024, "gbk.txt", gbk));
    const read = async (id: string) => readUpload((await loadUpload(t.db, w.actors.clerk2, id)).bytes, "x.txt");
    const [fromUtf8, fromGbk] = [await read(a.id), await read(b.id)];
    expect(fromGbk.encoding).toBe("gb18030");
    expect({ ...fromGbk, encoding: null }).toEqual({ ...fromUtf8, encoding: null });
  });

  it("from a Word file, canonical JSON and an Excel indicator sheet", async () => {
    const fixture = sanhe2020();
    const word = ok(await upload(w.actors.clerk2, w.departments.health, 2024, "上年.docx", await renderDocx(fixture)));
    const fromWord = await loadDisclosure(
      t.db,
      w.actors.clerk2,
      ok(await start(w.actors.clerk2, { mode: "upload", uploadId: word.id })).id,
    );
    expect(indicatorCount(fromWord)).toBe(107);
    expect(fromWord.budget.priorYear.total).toBe("2765.39");

    const json = ok(await upload(w.actors.clerk2, w.departments.health, 2025, "434-2020.json", renderJson(fixture)));
    const fromJson = await loadDisclosure(
      t.db,
      w.actors.clerk2,
      ok(await start(w.actors.clerk2, { mode: "upload", uploadId: json.id })).id,
    );
    expect(fromJson.responsibilities).toHaveLength(16);

    const sheet = ok(await upload(w.actors.clerk2, w.departments.health, 2026, "指标.xlsx", await renderXlsx(fixture)));
    const fromSheet = await loadDisclosure(
      t.db,
      w.actors.clerk2,
      ok(await start(w.actors.clerk2, { mode: "upload", uploadId: sheet.id })).id,
    );
    expect(fromSheet.performance.projects.map((p) => p.indicators.length)).toEqual(
      fixture.performance.projects.map((p) => p.indicators.length),
    );
    expect(fromSheet.orgUnits).toEqual(units);
    expect(fromSheet.budget.expenditure.total).toBeNull();
  });
});

describe("refusals, decided on the server", () => {
  it("scope: a clerk cannot start, upload for, or accept another department's year", async () => {
    expect(
      await start(w.actors.clerk, { mode: "empty", departmentId: w.departments.health, fiscalYear: 2027 }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect(await upload(w.actors.clerk, w.departments.health, 2027, "a.txt", fixtureText)).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(
      await start(w.actors.approver2, { mode: "empty", departmentId: w.departments.health, fiscalYear: 2027 }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect(
      await start(w.actors.admin, { mode: "empty", departmentId: w.departments.health, fiscalYear: 2027 }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    const { id: uploadId } = ok(await upload(w.actors.clerk, w.departments.office, 2022, "a.txt", fixtureText));
    expect(await start(w.actors.clerk2, { mode: "upload", uploadId })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await drafts(w.actors.admin, w.departments.health, 2027)).toEqual([]);
  });

  it("duplicate: a second start of the same year is refused, naming the draft that exists", async () => {
    const [existing] = await drafts(w.actors.clerk2, w.departments.health, 2022);
    const outcome = await start(w.actors.clerk2, {
      mode: "empty",
      departmentId: w.departments.health,
      fiscalYear: 2022,
    });
    expect(outcome).toEqual({
      ok: false,
      code: "conflict",
      formError: "三河市卫生健康局2022年度的信息公开已存在，不能再新建。请打开已有的填报继续。",
      fieldErrors: {},
      refs: { existingId: existing.id },
    });
    expect(await upload(w.actors.clerk2, w.departments.health, 2022, "a.txt", fixtureText)).toMatchObject({
      ok: false,
      code: "conflict",
      refs: { existingId: existing.id },
    });
    expect(await drafts(w.actors.clerk2, w.departments.health, 2022)).toHaveLength(1);
  });

  it("duplicate: an accepted upload whose year was started meanwhile is refused, and the upload kept", async () => {
    const { id: uploadId } = ok(await upload(w.actors.clerk, w.departments.office, 2023, "a.txt", fixtureText));
    ok(await start(w.actors.clerk, { mode: "empty", departmentId: w.departments.office, fiscalYear: 2023 }));
    expect(await start(w.actors.clerk, { mode: "upload", uploadId })).toMatchObject({ ok: false, code: "conflict" });
    await expect(loadUpload(t.db, w.actors.clerk, uploadId)).resolves.toBeTruthy();
  });

  it("closed year: refused for every way to start, before any file is read", async () => {
    const message = "2020年度已关闭填报，不能再新建。如需补报，请联系财政局。";
    expect(
      await start(w.actors.clerk2, { mode: "empty", departmentId: w.departments.health, fiscalYear: 2020 }),
    ).toMatchObject({ ok: false, code: "invalid-state", formError: message });
    expect(
      await start(w.actors.clerk2, { mode: "last-year", departmentId: w.departments.health, fiscalYear: 2020 }),
    ).toMatchObject({ ok: false, code: "invalid-state" });
    expect(await upload(w.actors.clerk2, w.departments.health, 2020, "a.txt", fixtureText)).toMatchObject({
      ok: false,
      code: "invalid-state",
      formError: message,
    });
    // A year closed after the upload: the accept is refused too.
    const { id: uploadId } = ok(await upload(w.actors.clerk2, w.departments.health, 2028, "a.txt", fixtureText));
    await saveFiscalYear(t.db, null, { year: 2028, frameworkId: "2021", submissionDeadline: null, status: "closed" });
    expect(await start(w.actors.clerk2, { mode: "upload", uploadId })).toMatchObject({
      ok: false,
      code: "invalid-state",
      formError: "2028年度已关闭填报，不能再新建。如需补报，请联系财政局。",
    });
    await saveFiscalYear(t.db, null, { year: 2028, frameworkId: "2021", submissionDeadline: null, status: "open" });
    expect(await drafts(w.actors.clerk2, w.departments.health, 2020)).toEqual([]);
  });

  it("oversize: refused at the file field by its size, announced or real", async () => {
    const announced = await upload(
      w.actors.clerk2,
      w.departments.health,
      2027,
      "big.txt",
      new Uint8Array(),
      50 * 1024 * 1024,
    );
    expect(announced).toMatchObject({
      ok: false,
      code: "invalid-input",
      fieldErrors: { file: ["文件大小为 50 MB，超过 10 MB 的上限。请删去文件中的图片，或只上传文字和表格部分。"] },
    });
    const real = await upload(
      w.actors.clerk2,
      w.departments.health,
      2027,
      "big.txt",
      new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x41),
    );
    expect(real).toMatchObject({
      ok: false,
      code: "invalid-input",
      fieldErrors: { file: [expect.stringContaining("超过 10 MB 的上限")] },
    });
  });

  it("wrong content: a renamed binary, a zip that is not Word, a text that is no disclosure", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await upload(w.actors.clerk2, w.departments.health, 2027, "上年公开.docx", png)).toMatchObject({
      ok: false,
      code: "invalid-input",
      formError: "“上年公开.docx”是图片，无法读取其中的文字。请上传 Word（.docx）、Excel（.xlsx）或文本文件。",
      fieldErrors: {
        file: ["“上年公开.docx”是图片，无法读取其中的文字。请上传 Word（.docx）、Excel（.xlsx）或文本文件。"],
      },
    });
    const zip = await zipOf("notes.txt");
    expect(await upload(w.actors.clerk2, w.departments.health, 2027, "上年.docx", zip)).toMatchObject({
      ok: false,
      fieldErrors: { file: [expect.stringContaining("是压缩包而不是 Word")] },
    });
    expect(
      await upload(w.actors.clerk2, w.departments.health, 2027, "a.txt", new TextEncoder().encode("会议纪要\n")),
    ).toMatchObject({ ok: false, code: "invalid-input" });
  });

  it("a file of a later year than the draft is refused at upload", async () => {
    const later = fixtureText
      .toString("utf8")
      .replace("三河市人民政府办公室2020年部门预算", "三河市人民政府办公室2030年部门预算");
    const outcome = await upload(w.actors.clerk2, w.departments.health, 2027, "a.txt", new TextEncoder().encode(later));
    expect(outcome).toMatchObject({
      ok: false,
      fieldErrors: { file: ["文件是2030年度的信息公开，不能用来新建2027年度的草稿。请上传2027年或以前年度的文件。"] },
    });
  });

  it("an expired upload is not accepted", async () => {
    const stale = await storeUpload(
      t.db,
      w.actors.clerk2,
      { departmentId: w.departments.health, fiscalYear: 2027, fileName: "a.txt", bytes: fixtureText },
      new Date(Date.now() - 25 * 3600 * 1000),
    );
    expect(await start(w.actors.clerk2, { mode: "upload", uploadId: stale.id })).toMatchObject({
      ok: false,
      code: "not-found",
      formError: "上传的文件已过期或不存在（上传的文件只保留 24 小时），请重新上传。",
    });
    expect(await drafts(w.actors.clerk2, w.departments.health, 2027)).toEqual([]);
  });
});

async function zipOf(name: string): Promise<Uint8Array> {
  const JSZip = (await import("jszip")).default;
  const zip = new JSZip();
  zip.file(name, "hello");
  return zip.generateAsync({ type: "uint8array" });
}
