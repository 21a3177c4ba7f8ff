"use server";

import { serverAction } from "@/app/_server/action";
import { createDeskOperation, setDeskApproversOperation } from "./operations";

export const createDeskAction = serverAction(createDeskOperation, {
  revalidate: ["/admin/desks", "/admin/departments"],
});
export const setDeskApproversAction = serverAction(setDeskApproversOperation, {
  revalidate: ["/admin/desks", "/admin/users"],
});
