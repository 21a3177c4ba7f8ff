"use server";

import { serverAction } from "@/app/_server/action";
import { setUserDisabledOperation } from "./operations";

export const setUserDisabledAction = serverAction(setUserDisabledOperation, { revalidate: ["/admin"] });
