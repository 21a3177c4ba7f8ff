"use server";

import { serverAction } from "@/app/_server/action";
import { createUserOperation, resetPasswordOperation, updateUserOperation } from "./operations";

export const createUserAction = serverAction(createUserOperation, { revalidate: ["/admin/users", "/admin"] });
export const updateUserAction = serverAction(updateUserOperation, { revalidate: ["/admin/users", "/admin"] });
export const resetPasswordAction = serverAction(resetPasswordOperation, { revalidate: ["/admin/users"] });
