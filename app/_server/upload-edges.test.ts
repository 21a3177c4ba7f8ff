import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/db/test-db";
import { importDepartmentsOperation } from "@/app/admin/departments/import/operations";
import { importUsersOperation } from "@/app/admin/users/import/operations";
import { uploadImportOperation } from "@/app/api/imports/operation";
import { executeOperation } from "./operation";
import { buildOperationWorld, type OperationWorld } from "./testing/operation-world";

/**
 * Every upload path checks the file by its bytes (lib/security/upload-check.ts), through the same
 * operations the browser reaches: a renamed program and a zip bomb are refused with a Chinese
 * message at the file field, before any reader unpacks them.
 */
let t: TestDb;
let world: OperationWorld;
let bomb: Uint8Array<ArrayBuffer>;
beforeAll(async () => {
  t = await createTestDb();
  world = await buildOperationWorld(t.db);
  // More entries than any real workbook has: the central directory alone gives it away.
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  for (let i = 0; i < 2001; i++) zip.file(`xl/p${i}.xml`, "<p/>");
  bomb = new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
});
afterAll(async () => {
  await t?.close();
});

const program = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(200).fill(0)]);

describe("uploads are judged by content on every path", () => {
  it("the clerk's start-from-file refuses a program renamed to .txt and a zip bomb named .docx", async () => {
    const upload = (name: string, bytes: Uint8Array) =>
      executeOperation(
        uploadImportOperation,
        { db: t.db, actor: world.actors.clerk, ip: null },
        { departmentId: world.departments.own, fiscalYear: "2023", file: { name, size: bytes.byteLength, bytes } },
      );
    expect(await upload("上年公开.txt", program)).toMatchObject({
      ok: false,
      code: "invalid-input",
      fieldErrors: { file: ["“上年公开.txt”是程序文件，不能上传。"] },
    });
    const zipped = await upload("上年公开.docx", bomb);
    expect(zipped).toMatchObject({ ok: false, code: "invalid-input" });
    expect(zipped.ok ? "" : zipped.formError).toContain("异常庞大");
  });

  it("the admin's bulk imports of users and departments refuse the same", async () => {
    const ops = [importUsersOperation, importDepartmentsOperation] as unknown as Array<
      Parameters<typeof executeOperation>[0]
    >;
    for (const op of ops) {
      const exe = await executeOperation(
        op,
        { db: t.db, actor: world.actors.admin, ip: null },
        { mode: "preview", file: new File([program], "名单.csv") },
      );
      expect(exe).toMatchObject({ ok: false, formError: "“名单.csv”是程序文件，不能上传。" });
      const zipped = await executeOperation(
        op,
        { db: t.db, actor: world.actors.admin, ip: null },
        { mode: "preview", file: new File([bomb], "名单.xlsx") },
      );
      expect(zipped.ok ? "" : zipped.formError).toContain("异常庞大");
      const docx = await executeOperation(
        op,
        { db: t.db, actor: world.actors.admin, ip: null },
        { mode: "preview", file: new File([new Uint8Array(11 * 1024 * 1024)], "名单.xlsx") },
      );
      expect(docx.ok ? "" : docx.formError).toBe("“名单.xlsx”有 11 MB，超过了 10 MB 的上限。");
    }
  });
});
