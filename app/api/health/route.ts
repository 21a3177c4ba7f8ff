import { routeHandler } from "@/app/_server/route";
import { healthOperation } from "./operation";

export const dynamic = "force-dynamic";

export const GET = routeHandler(healthOperation, () => ({}));
