import { routeHandler } from "@/app/_server/route";
import { publicFileOperation } from "@/app/public/operations";

/** GET a published file, byte for byte (see app/public/operations.ts). */
export const GET = routeHandler(publicFileOperation);
