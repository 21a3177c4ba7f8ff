import { appendAudit } from "@/db/queries/audit";
import { listDesks } from "@/db/queries/departments";
import { createUsers } from "@/db/queries/users";
import { departments } from "@/db/schema/organisation";
import { users } from "@/db/schema/users";
import { readSheet, type SheetProblem } from "@/lib/admin/sheet";
import { validateUserSheet } from "@/lib/admin/user-sheet";
import type { Role } from "@/lib/auth/actor";
import { generateCompliantPassword } from "@/lib/auth/compliant-password";
import { canAdminister } from "@/lib/auth/policy";
import { defineOperation } from "@/app/_server/operation";
import { fileBytes, sheetUpload } from "../../sheet-upload";

export type UserImportResult = {
  fileName: string;
  rowCount: number;
  problems: SheetProblem[];
  users: { row: number; username: string; displayName: string; role: Role; scope: string[] }[];
  /** After a commit only: each new user's initial password, shown once and never stored in clear. */
  credentials: { username: string; displayName: string; password: string }[];
};

/**
 * Users from a sheet, all or none, as department.import. Each is created as the admin's form
 * creates one (app/admin/users/operations.ts): a generated initial password to the same rules,
 * to be changed at first sign-in, and db/queries/users.ts createUser with its checks and its
 * user.create audit row. The sheet is read first, in the bounded parse worker, and only then the
 * transaction begins: a read may take seconds, and a transaction held meanwhile would hold the database.
 */
export const importUsersOperation = defineOperation({
  name: "user.import",
  kind: "action",
  access: { kind: "global", roles: ["admin"] },
  input: sheetUpload,
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db: outside, actor, ip }, input): Promise<UserImportResult> => {
    const rows = await readSheet(await fileBytes(input.file), input.file.name, { check: true });
    return outside.transaction(async (db) => {
      const desks = await listDesks(db);
      const codes = await db.select({ id: departments.id, code: departments.code }).from(departments);
      const usernames = (await db.select({ username: users.username }).from(users)).map((u) => u.username);
      const result = validateUserSheet(rows, {
        usernames,
        departmentCodes: codes.map((c) => c.code),
        desks: desks.map((d) => d.name),
      });
      const outcome: UserImportResult = {
        fileName: input.file.name,
        rowCount: result.rowCount,
        problems: result.problems,
        users: result.users.map((u) => ({
          row: u.row,
          username: u.username,
          displayName: u.displayName,
          role: u.role,
          scope: [...u.departmentCodes, ...u.desks],
        })),
        credentials: [],
      };
      if (input.mode === "preview" || result.problems.length > 0) return outcome;
      const departmentId = new Map(codes.map((c) => [c.code, c.id]));
      const deskId = new Map(desks.map((d) => [d.name, d.id]));
      const planned = result.users.map((u) => ({ ...u, password: generateCompliantPassword(u.username) }));
      await createUsers(
        db,
        actor.id,
        planned.map((u) => ({
          username: u.username,
          displayName: u.displayName,
          role: u.role,
          password: u.password,
          mustChangePassword: true,
          departmentIds: u.departmentCodes.map((code) => departmentId.get(code)!),
          groupIds: u.desks.map((desk) => deskId.get(desk)!),
        })),
        ip,
      );
      // Never the passwords: only who was created.
      await appendAudit(db, {
        action: "user.import",
        actorId: actor.id,
        ip,
        entityType: "user",
        entityId: "bulk-import",
        detail: { fileName: outcome.fileName, rows: outcome.rowCount, usernames: outcome.users.map((u) => u.username) },
      });
      return {
        ...outcome,
        credentials: planned.map((u) => ({ username: u.username, displayName: u.displayName, password: u.password })),
      };
    });
  },
  // Audited in run, in the transaction of the writes, which begins after the sheet is read.
  audit: { kind: "byQuery" },
});
