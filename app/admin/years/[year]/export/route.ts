import { routeHandler } from "@/app/_server/route";
import { exportYearDashboardOperation } from "./operation";

export const GET = routeHandler(exportYearDashboardOperation);
