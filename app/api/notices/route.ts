import { routeHandler } from "@/app/_server/route";
import { listNoticesOperation } from "./operation";

export const dynamic = "force-dynamic";

export const GET = routeHandler(listNoticesOperation, () => ({}));
