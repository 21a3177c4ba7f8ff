import { routeHandler } from "@/app/_server/route";
import { exportAuditOperation } from "./operation";

export const dynamic = "force-dynamic";

/** GET /admin/audit/export?format=xlsx|csv&from=&to=&actor=&action=&entity=&ip= */
export const GET = routeHandler(exportAuditOperation);
