import { z } from "zod";
import { renderDashboardXlsx } from "@/lib/admin/dashboard-xlsx";
import { dashboardTotals, describeDashboardQuery, parseDashboardQuery } from "@/lib/admin/year-dashboard";
import { canViewYearOverview } from "@/lib/auth/policy";
import { attachmentDisposition } from "@/lib/export/attachment";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { defineOperation } from "@/app/_server/operation";
import { loadDashboard } from "../dashboard-data";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The year dashboard as an .xlsx, filtered and sorted as the URL says — the page's export link
 * carries the page's own query, so the file is the table the admin was looking at. A read: nothing
 * to audit.
 */
export const exportYearDashboardOperation = defineOperation({
  name: "year-overview.export",
  kind: "route",
  route: { method: "GET", path: "/admin/years/[year]/export" },
  access: { kind: "global", roles: ["admin"] },
  input: z.object({ year: z.coerce.number().int().min(2000).max(2100) }).catchall(z.string()),
  policy: ({ actor }) => canViewYearOverview(actor),
  run: async ({ db, actor }, input) => {
    const query = parseDashboardQuery(input as Record<string, string>);
    const { shown } = await loadDashboard(db, actor, input.year, query);
    const bytes = await renderDashboardXlsx({
      year: input.year,
      rows: shown,
      totals: dashboardTotals(shown),
      filterNote: describeDashboardQuery(query),
      exportedAt: new Date(),
    });
    const name = `${adminMessages.dashboard.title(input.year)}.xlsx`;
    return new Response(new Blob([bytes as BlobPart], { type: XLSX }), {
      headers: {
        "content-type": XLSX,
        "content-disposition": attachmentDisposition(`year-${input.year}-overview.xlsx`, name),
        "cache-control": "no-store",
      },
    });
  },
});
