"use server";

import { serverAction } from "@/app/_server/action";
import { createDepartmentOperation, updateDepartmentOperation } from "./operations";

export const createDepartmentAction = serverAction(createDepartmentOperation, {
  revalidate: ["/admin/departments", "/admin"],
});
export const updateDepartmentAction = serverAction(updateDepartmentOperation, {
  revalidate: ["/admin/departments", "/admin"],
});
