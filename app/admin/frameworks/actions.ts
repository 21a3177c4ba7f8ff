"use server";

import { serverAction } from "@/app/_server/action";
import {
  createFrameworkOperation,
  deleteFrameworkOperation,
  setRuleSeverityOperation,
  updateFrameworkOperation,
} from "./operations";

export const createFrameworkAction = serverAction(createFrameworkOperation, {
  revalidate: ["/admin/frameworks", "/admin/fiscal-years"],
});
export const setRuleSeverityAction = serverAction(setRuleSeverityOperation, { revalidate: ["/admin/frameworks"] });
export const updateFrameworkAction = serverAction(updateFrameworkOperation, {
  revalidate: ["/admin/frameworks", "/admin/fiscal-years", "/admin/library"],
});
export const deleteFrameworkAction = serverAction(deleteFrameworkOperation, {
  revalidate: ["/admin/frameworks", "/admin/fiscal-years", "/admin/library"],
});
