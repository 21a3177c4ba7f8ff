"use server";

import { serverAction } from "@/app/_server/action";
import { markNoticesReadOperation } from "./operations";

export const markNoticesReadAction = serverAction(markNoticesReadOperation, { revalidate: ["/notices"] });
