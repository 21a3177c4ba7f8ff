"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { DataTable } from "./data-table";

export type ClassificationListRow = { kind: string; code: string; name: string; inUse: boolean };

const m = adminMessages.classification;
const column = createColumnHelper<ClassificationListRow>();
const columns = [
  column.accessor("kind", { header: m.columns.kind, cell: (c) => m.kinds[c.getValue()], filterFn: "equalsString" }),
  column.accessor("code", { header: m.columns.code, cell: (c) => <span className="tabular">{c.getValue()}</span> }),
  column.accessor((r) => m.levels[r.code.length] ?? "", {
    id: "level",
    header: m.columns.level,
    filterFn: "equalsString",
    enableGlobalFilter: false,
  }),
  column.accessor("name", { header: m.columns.name }),
  column.accessor((r) => (r.inUse ? m.inUseMark : ""), {
    id: "inUse",
    header: m.columns.inUse,
    enableGlobalFilter: false,
  }),
];

/** A year's catalogue, searchable by code or name and filterable by kind and level (in the URL). */
export function ClassificationTable({ year, rows }: { year: number; rows: ClassificationListRow[] }) {
  return (
    <DataTable
      data={rows}
      columns={columns}
      caption={m.caption(year)}
      searchLabel={m.search}
      rowKey={(r) => `${r.kind}:${r.code}`}
      facets={[
        {
          columnId: "kind",
          label: m.columns.kind,
          options: Object.entries(m.kinds).map(([value, label]) => ({ value, label })),
        },
        {
          columnId: "level",
          label: m.columns.level,
          options: Object.values(m.levels).map((label) => ({ value: label, label })),
        },
      ]}
    />
  );
}
