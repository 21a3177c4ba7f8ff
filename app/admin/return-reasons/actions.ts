"use server";

import { serverAction } from "@/app/_server/action";
import { createReturnReasonOperation, updateReturnReasonOperation } from "./operations";

export const createReturnReasonAction = serverAction(createReturnReasonOperation, {
  revalidate: ["/admin/return-reasons"],
});
export const updateReturnReasonAction = serverAction(updateReturnReasonOperation, {
  revalidate: ["/admin/return-reasons"],
});
