"use server";

import { serverAction } from "@/app/_server/action";
import { openRevisionOperation, publishOperation } from "./operations";

const revalidate = ["/admin/publish", "/public", "/"];

export const publishAction = serverAction(publishOperation, { revalidate });
export const openRevisionAction = serverAction(openRevisionOperation, { revalidate });
