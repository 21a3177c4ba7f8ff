import { appendAudit } from "@/db/queries/audit";
import { listDesks, createDepartments } from "@/db/queries/departments";
import { departments } from "@/db/schema/organisation";
import { validateDepartmentSheet } from "@/lib/admin/department-sheet";
import { readSheet, type SheetProblem } from "@/lib/admin/sheet";
import { canAdminister } from "@/lib/auth/policy";
import { defineOperation } from "@/app/_server/operation";
import { fileBytes, sheetUpload } from "../../sheet-upload";

export type DepartmentImportResult = {
  fileName: string;
  rowCount: number;
  problems: SheetProblem[];
  departments: { row: number; code: string; name: string; desk: string | null; units: number }[];
  imported: number;
};

/**
 * Departments from a sheet. Preview reads and checks; commit checks again against the database as
 * it is now (never trusting an earlier preview) and creates all of them in this one transaction,
 * or — with any problem — none. Each department's creation is audited, and the import as a whole.
 * The sheet is read before the transaction begins, in the bounded parse worker: a read may take
 * seconds, and a transaction held meanwhile would hold the database.
 */
export const importDepartmentsOperation = defineOperation({
  name: "department.import",
  kind: "action",
  access: { kind: "global", roles: ["admin"] },
  input: sheetUpload,
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db: outside, actor, ip }, input): Promise<DepartmentImportResult> => {
    const rows = await readSheet(await fileBytes(input.file), input.file.name, { check: true });
    return outside.transaction(async (db) => {
      const desks = await listDesks(db);
      const existing = await db.select({ code: departments.code, name: departments.name }).from(departments);
      const result = validateDepartmentSheet(rows, { existing, desks: desks.map((d) => d.name) });
      const outcome: DepartmentImportResult = {
        fileName: input.file.name,
        rowCount: result.rowCount,
        problems: result.problems,
        departments: result.departments.map((d) => ({
          row: d.row,
          code: d.code,
          name: d.name,
          desk: d.desk,
          units: d.orgUnits.length,
        })),
        imported: 0,
      };
      if (input.mode === "preview" || result.problems.length > 0) return outcome;
      const deskId = new Map(desks.map((d) => [d.name, d.id]));
      const created = await createDepartments(
        db,
        actor.id,
        result.departments.map((d) => ({
          code: d.code,
          name: d.name,
          groupId: d.desk ? deskId.get(d.desk)! : null,
          orgUnits: d.orgUnits,
        })),
        ip,
      );
      if (created.length > 0)
        await appendAudit(db, {
          action: "department.import",
          actorId: actor.id,
          ip,
          entityType: "department",
          entityId: "bulk-import",
          detail: { fileName: outcome.fileName, rows: outcome.rowCount, codes: outcome.departments.map((d) => d.code) },
        });
      return { ...outcome, imported: created.length };
    });
  },
  // Audited in run, in the transaction of the writes, which begins after the sheet is read.
  audit: { kind: "byQuery" },
});
