"use server";

import { serverAction } from "@/app/_server/action";
import { startYearExportOperation } from "./operations";

export const startYearExportAction = serverAction(startYearExportOperation, { revalidate: ["/admin/exports"] });
