"use server";

import { serverAction } from "@/app/_server/action";
import { openFiscalYearOperation, startYearDraftsOperation, updateFiscalYearOperation } from "./operations";

const pages = ["/admin/fiscal-years", "/admin", "/admin/years"];

export const openFiscalYearAction = serverAction(openFiscalYearOperation, { revalidate: pages });
export const updateFiscalYearAction = serverAction(updateFiscalYearOperation, { revalidate: pages });
export const startYearDraftsAction = serverAction(startYearDraftsOperation, { revalidate: pages });
