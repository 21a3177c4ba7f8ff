"use server";

import { serverAction } from "@/app/_server/action";
import { startDisclosureOperation } from "./operations";

// No revalidate: it would re-render the upload preview the clerk is on, whose upload the accept has
// just consumed ("已过期"), and unmount the form before it can follow the new draft's link. The
// workbench list is a dynamic page and reads the database on every visit anyway.
export const startDisclosureAction = serverAction(startDisclosureOperation);
