import { routeHandler } from "@/app/_server/route";
import { evaluationFileOperation } from "../operations";

/** GET a published 自评 as JSON or CSV (see ../operations.ts). */
export const GET = routeHandler(evaluationFileOperation);
