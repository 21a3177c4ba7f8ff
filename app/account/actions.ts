"use server";

import { serverAction } from "@/app/_server/action";
import { changePasswordOperation } from "./operations";

export const changePasswordAction = serverAction(changePasswordOperation);
