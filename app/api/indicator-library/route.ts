import { routeHandler } from "@/app/_server/route";
import { searchIndicatorLibraryOperation } from "./operation";

export const dynamic = "force-dynamic";

export const GET = routeHandler(searchIndicatorLibraryOperation);
