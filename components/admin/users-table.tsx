"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import type { Role } from "@/lib/auth/actor";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "./data-table";

export type UserListRow = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scope: string;
  lastLogin: string;
  status: "active" | "disabled";
};

const u = adminMessages.users;
const column = createColumnHelper<UserListRow>();
const columns = [
  column.accessor("username", {
    header: u.username,
    cell: (c) => (
      <Link
        href={`/admin/users/${c.row.original.id}`}
        className="font-medium text-brand-700 underline-offset-2 hover:underline"
      >
        {c.getValue()}
      </Link>
    ),
  }),
  column.accessor("displayName", { header: u.displayName }),
  column.accessor("role", { header: u.role, cell: (c) => zhCN.roles[c.getValue()], filterFn: "equalsString" }),
  column.accessor("scope", {
    header: zhCN.administration.users.scope,
    cell: (c) => <span className="text-slate-700">{c.getValue()}</span>,
  }),
  column.accessor("lastLogin", {
    header: zhCN.administration.users.lastLogin,
    cell: (c) => <span className="tabular whitespace-nowrap text-slate-600">{c.getValue() || "—"}</span>,
  }),
  column.accessor("status", {
    header: zhCN.administration.users.status,
    filterFn: "equalsString",
    cell: (c) =>
      c.getValue() === "disabled" ? (
        <Badge tone="danger">{zhCN.administration.users.disabled}</Badge>
      ) : (
        <Badge tone="success">{zhCN.administration.users.active}</Badge>
      ),
  }),
];

/** Every account, sortable and filterable by role and status (in the URL). */
export function UsersTable({ rows }: { rows: UserListRow[] }) {
  return (
    <DataTable
      data={rows}
      columns={columns}
      caption={u.title}
      searchLabel={u.search}
      rowKey={(r) => r.id}
      facets={[
        {
          columnId: "role",
          label: u.role,
          options: (["clerk", "approver", "admin"] as const).map((r) => ({ value: r, label: zhCN.roles[r] })),
        },
        {
          columnId: "status",
          label: zhCN.administration.users.status,
          options: [
            { value: "active", label: zhCN.administration.users.active },
            { value: "disabled", label: zhCN.administration.users.disabled },
          ],
        },
      ]}
    />
  );
}
