"use server";

import { serverAction } from "@/app/_server/action";
import { openRevisionOperation, publishOperation } from "./operations";

// Nothing is revalidated: every page that shows publications renders per request, and a
// revalidation would refresh this board at once, unmounting the row's form before it can report.
// The form reports, then moves the page to /admin/publish?published=… (a fresh render).
export const publishAction = serverAction(publishOperation);
export const openRevisionAction = serverAction(openRevisionOperation);
