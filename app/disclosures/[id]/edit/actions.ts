"use server";

import { serverAction } from "@/app/_server/action";
import { explainWarningOperation, saveContentOperation, submitOperation } from "./operations";

// Autosave revalidates nothing: the editor holds the content, and a refresh would only redraw it.
export const saveContentAction = serverAction(saveContentOperation);
export const explainWarningAction = serverAction(explainWarningOperation);
export const submitAction = serverAction(submitOperation, { revalidate: ["/workbench"] });
