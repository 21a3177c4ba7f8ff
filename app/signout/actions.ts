"use server";

import { serverAction } from "@/app/_server/action";
import { signOutOperation } from "./operations";

export const signOutAction = serverAction(signOutOperation);
