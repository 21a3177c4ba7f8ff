"use server";

import { serverAction } from "@/app/_server/action";
import { addCommentOperation, replyOperation, resolveOperation } from "./operations";

export const addCommentAction = serverAction(addCommentOperation, { revalidate: ["/review"] });
export const replyAction = serverAction(replyOperation, { revalidate: ["/review"] });
export const resolveAction = serverAction(resolveOperation, { revalidate: ["/review"] });
