import { z } from "zod";
import { databaseHealth } from "@/app/_server/health";
import { defineOperation } from "@/app/_server/operation";

/** For load balancers and the operator: is the database reachable and fully migrated? 200 or 503. */
export const healthOperation = defineOperation({
  name: "health.read",
  kind: "route",
  route: { method: "GET", path: "/api/health" },
  access: { kind: "public" },
  input: z.object({}),
  policy: () => true,
  run: async ({ db }) => {
    const report = await databaseHealth(db);
    return Response.json(report, {
      status: report.status === "ok" ? 200 : 503,
      headers: { "cache-control": "no-store" },
    });
  },
});
