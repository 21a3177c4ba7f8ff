"use server";

import { serverAction } from "@/app/_server/action";
import { explainWarningOperation, submitOperation } from "./operations";

// Autosave is a route (app/api/disclosures/[id]/content/route.ts), the editor's most frequent request.
export const explainWarningAction = serverAction(explainWarningOperation);
export const submitAction = serverAction(submitOperation, { revalidate: ["/workbench"] });
