"use client";

import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { zhCN } from "@/lib/i18n/zh-CN";
import type { DepartmentImportResult } from "@/app/admin/departments/import/operations";
import type { UserImportResult } from "@/app/admin/users/import/operations";
import type { ClassificationImportResult } from "@/app/admin/fiscal-years/[year]/classification/operations";
import { importClassificationAction } from "@/app/admin/fiscal-years/[year]/classification/actions";
import { importDepartmentsAction } from "@/app/admin/departments/import/actions";
import { importUsersAction } from "@/app/admin/users/import/actions";
import { Alert } from "@/components/ui/alert";
import { SheetImport } from "./sheet-import";

const ds = adminMessages.departmentSheet.columns;
const us = adminMessages.userSheet;
const cs = adminMessages.classificationSheet.columns;
const cl = adminMessages.classification;
const th = "px-3 py-1.5 text-left font-medium text-slate-600";
const td = "px-3 py-1.5";

export function DepartmentImport() {
  return (
    <SheetImport<DepartmentImportResult>
      action={importDepartmentsAction}
      columns={Object.values(ds)}
      count={(r) => (r.imported > 0 ? r.imported : r.departments.length)}
      isDone={(r) => r.imported > 0}
      done={() => null}
      preview={(r) => (
        <table className="w-full text-sm">
          <thead className="sticky top-0 bg-slate-50">
            <tr>
              <th className={th}>{adminMessages.sheet.problemRow}</th>
              <th className={th}>{ds.code}</th>
              <th className={th}>{ds.name}</th>
              <th className={th}>{ds.desk}</th>
              <th className={th}>{adminMessages.departments.units}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {r.departments.map((d) => (
              <tr key={d.code}>
                <td className={`${td} tabular`}>{d.row}</td>
                <td className={`${td} tabular`}>{d.code}</td>
                <td className={td}>{d.name}</td>
                <td className={td}>{d.desk ?? "—"}</td>
                <td className={`${td} tabular`}>{d.units}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}

export function UserImport() {
  return (
    <SheetImport<UserImportResult>
      action={importUsersAction}
      columns={Object.values(us.columns)}
      count={(r) => (r.credentials.length > 0 ? r.credentials.length : r.users.length)}
      isDone={(r) => r.credentials.length > 0}
      done={(r) => (
        <div className="space-y-2">
          <Alert tone="warning" title={us.passwordsTitle}>
            {us.passwordsNote}
          </Alert>
          <table className="w-full text-sm">
            <thead className="bg-slate-50">
              <tr>
                <th className={th}>{us.columns.username}</th>
                <th className={th}>{us.columns.displayName}</th>
                <th className={th}>{adminMessages.users.initialPassword}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {r.credentials.map((c) => (
                <tr key={c.username}>
                  <td className={td}>{c.username}</td>
                  <td className={td}>{c.displayName}</td>
                  <td className={`${td} font-mono`}>{c.password}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      preview={(r) => (
        <table className="w-full text-sm">
          <thead className="sticky top-0 bg-slate-50">
            <tr>
              <th className={th}>{adminMessages.sheet.problemRow}</th>
              <th className={th}>{us.columns.username}</th>
              <th className={th}>{us.columns.displayName}</th>
              <th className={th}>{us.columns.role}</th>
              <th className={th}>{zhCN.administration.users.scope}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {r.users.map((u) => (
              <tr key={u.username}>
                <td className={`${td} tabular`}>{u.row}</td>
                <td className={td}>{u.username}</td>
                <td className={td}>{u.displayName}</td>
                <td className={td}>{zhCN.roles[u.role]}</td>
                <td className={td}>{u.scope.join("、") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}

/** A year's catalogue: the rows as read, and what they would change in the catalogue the year has now. */
export function ClassificationImport({ year }: { year: number }) {
  return (
    <SheetImport<ClassificationImportResult>
      action={importClassificationAction}
      columns={[cs.code, cs.name, cl.optional(cs.kind)]}
      fields={{ year: String(year) }}
      count={(r) => (r.imported > 0 ? r.imported : r.entries.length)}
      isDone={(r) => r.imported > 0}
      done={() => null}
      summary={(r) =>
        r.problems.length === 0 ? (
          <p className="text-sm text-slate-700">{cl.changes(r.changes.added, r.changes.removed, r.changes.renamed)}</p>
        ) : null
      }
      preview={(r) => (
        <table className="w-full text-sm">
          <thead className="sticky top-0 bg-slate-50">
            <tr>
              <th className={th}>{adminMessages.sheet.problemRow}</th>
              <th className={th}>{cl.columns.kind}</th>
              <th className={th}>{cl.columns.code}</th>
              <th className={th}>{cl.columns.name}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {r.entries.map((e) => (
              <tr key={`${e.kind}:${e.code}`}>
                <td className={`${td} tabular`}>{e.row}</td>
                <td className={td}>{cl.kinds[e.kind]}</td>
                <td className={`${td} tabular`}>{e.code}</td>
                <td className={td}>{e.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}
