"use server";

import { serverAction } from "@/app/_server/action";
import { createFrameworkOperation, setRuleSeverityOperation } from "./operations";

export const createFrameworkAction = serverAction(createFrameworkOperation, { revalidate: ["/admin/frameworks", "/admin/fiscal-years"] });
export const setRuleSeverityAction = serverAction(setRuleSeverityOperation, { revalidate: ["/admin/frameworks"] });
