"use server";

import { serverAction } from "@/app/_server/action";
import { approveOperation, returnOperation, startReviewOperation, withdrawOperation } from "./operations";

const revalidate = ["/review", "/workbench"];

export const withdrawAction = serverAction(withdrawOperation, { revalidate });
export const startReviewAction = serverAction(startReviewOperation, { revalidate });
export const approveAction = serverAction(approveOperation, { revalidate });
export const returnAction = serverAction(returnOperation, { revalidate });
