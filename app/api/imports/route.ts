import { routeHandler } from "@/app/_server/route";
import { uploadImportOperation } from "./operation";
import { uploadInput } from "./upload-input";

export const dynamic = "force-dynamic";

/** POST /api/imports?department=<id>&year=<year>, multipart with one `file`: see operation.ts. */
export const POST = routeHandler(uploadImportOperation, (req) => uploadInput(req));
