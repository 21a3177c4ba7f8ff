"use server";

import { serverAction } from "@/app/_server/action";
import { importClassificationOperation } from "./operations";

// The fiscal years' list shows each year's catalogue; the year's own page re-renders with the action.
export const importClassificationAction = serverAction(importClassificationOperation, {
  revalidate: ["/admin/fiscal-years"],
});
