import type { Db } from "@/db/client";
import { listDepartmentsForAdmin, listDesks } from "@/db/queries/departments";

/** The departments and desks a user form offers, labelled as the admin reads them. */
export async function scopeOptions(db: Db) {
  const [departments, desks] = await Promise.all([listDepartmentsForAdmin(db), listDesks(db)]);
  return {
    departments: departments.map((d) => ({ id: d.id, label: `${d.code} ${d.name}` })),
    desks: desks.map((d) => ({ id: d.id, label: d.name })),
  };
}
