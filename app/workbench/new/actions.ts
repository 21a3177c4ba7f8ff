"use server";

import { serverAction } from "@/app/_server/action";
import { startDisclosureOperation } from "./operations";

export const startDisclosureAction = serverAction(startDisclosureOperation, { revalidate: ["/workbench"] });
