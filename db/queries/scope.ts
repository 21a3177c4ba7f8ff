import { inArray, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { draftableDepartmentIds, readableDepartmentIds, type Actor } from "@/lib/auth/actor";

function inDepartments(column: PgColumn, ids: readonly string[] | "all"): SQL {
  if (ids === "all") return sql`true`;
  // An empty IN list is a syntax error in SQL; an empty scope simply matches nothing.
  if (ids.length === 0) return sql`false`;
  return inArray(column, [...ids]);
}

/** The `where` part that keeps a query inside the departments the actor may read. */
export function readScope(actor: Actor, departmentColumn: PgColumn): SQL {
  return inDepartments(departmentColumn, readableDepartmentIds(actor));
}

/** The `where` part that keeps a write inside the departments the actor may draft for. */
export function draftScope(actor: Actor, departmentColumn: PgColumn): SQL {
  return inDepartments(departmentColumn, draftableDepartmentIds(actor));
}
