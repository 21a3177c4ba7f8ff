"use server";

import { serverAction } from "@/app/_server/action";
import { importDepartmentsOperation } from "./operations";

export const importDepartmentsAction = serverAction(importDepartmentsOperation, {
  revalidate: ["/admin/departments", "/admin"],
});
