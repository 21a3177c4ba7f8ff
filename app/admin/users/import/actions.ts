"use server";

import { serverAction } from "@/app/_server/action";
import { importUsersOperation } from "./operations";

export const importUsersAction = serverAction(importUsersOperation, { revalidate: ["/admin/users", "/admin"] });
