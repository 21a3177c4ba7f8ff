import { routeHandler } from "@/app/_server/route";
import { readDisclosureJsonOperation } from "./operation";

export const dynamic = "force-dynamic";

export const GET = routeHandler(readDisclosureJsonOperation, (_req, params) => ({ id: params.id }));
