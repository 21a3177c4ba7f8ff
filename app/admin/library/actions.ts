"use server";

import { serverAction } from "@/app/_server/action";
import { saveLibraryEntryOperation, setLibraryEntryActiveOperation } from "./operations";

export const saveLibraryEntryAction = serverAction(saveLibraryEntryOperation, { revalidate: ["/admin/library"] });
export const setLibraryEntryActiveAction = serverAction(setLibraryEntryActiveOperation, {
  revalidate: ["/admin/library"],
});
