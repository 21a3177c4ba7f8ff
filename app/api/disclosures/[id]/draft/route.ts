import { routeHandler } from "@/app/_server/route";
import { draftFileOperation } from "./operation";

export const dynamic = "force-dynamic";

/** GET the draft as a stamped PDF (?format=pdf, the default) or as Excel (?format=xlsx). */
export const GET = routeHandler(draftFileOperation);
