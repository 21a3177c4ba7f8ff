import { routeHandler } from "@/app/_server/route";
import { downloadYearExportOperation } from "../../operations";

/** GET the finished zip of a year's export (admins; see ../../operations.ts). */
export const GET = routeHandler(downloadYearExportOperation);
