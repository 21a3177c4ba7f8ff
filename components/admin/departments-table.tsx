"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { DataTable } from "./data-table";

export type DepartmentListRow = { id: string; code: string; name: string; desk: string; units: number; clerks: number };

const d = adminMessages.departments;
const column = createColumnHelper<DepartmentListRow>();
const columns = [
  column.accessor("code", { header: d.code, cell: (c) => <span className="tabular">{c.getValue()}</span> }),
  column.accessor("name", {
    header: d.name,
    cell: (c) => (
      <Link
        href={`/admin/departments/${c.row.original.id}`}
        className="font-medium text-brand-700 underline-offset-2 hover:underline"
      >
        {c.getValue()}
      </Link>
    ),
  }),
  column.accessor("desk", { header: d.desk, filterFn: "equalsString" }),
  column.accessor("units", {
    header: d.units,
    cell: (c) => <span className="tabular">{c.getValue()}</span>,
    enableGlobalFilter: false,
  }),
  column.accessor("clerks", {
    header: d.clerks,
    cell: (c) => <span className="tabular">{c.getValue()}</span>,
    enableGlobalFilter: false,
  }),
];

/** Every department, sortable, searchable and filterable by desk (in the URL). */
export function DepartmentsTable({ rows, desks }: { rows: DepartmentListRow[]; desks: string[] }) {
  return (
    <DataTable
      data={rows}
      columns={columns}
      caption={d.title}
      searchLabel={d.search}
      rowKey={(r) => r.id}
      facets={[
        {
          columnId: "desk",
          label: d.desk,
          options: [...desks, d.noDesk].map((name) => ({ value: name, label: name })),
        },
      ]}
    />
  );
}
