"use server";

import { serverAction } from "@/app/_server/action";
import {
  approveReportOperation,
  openRoundOperation,
  publishReportOperation,
  returnReportOperation,
  saveReportOperation,
  startReportReviewOperation,
  submitReportOperation,
} from "./operations";

const revalidate = ["/workbench", "/review", "/admin/years"];

export const openRoundAction = serverAction(openRoundOperation, { revalidate: ["/admin/years", "/workbench"] });
// Autosave: nothing to revalidate, the editor keeps its own state.
export const saveReportAction = serverAction(saveReportOperation);
export const submitReportAction = serverAction(submitReportOperation, { revalidate });
export const startReportReviewAction = serverAction(startReportReviewOperation, { revalidate });
export const returnReportAction = serverAction(returnReportOperation, { revalidate });
export const approveReportAction = serverAction(approveReportOperation, { revalidate });
export const publishReportAction = serverAction(publishReportOperation, { revalidate: [...revalidate, "/public"] });
