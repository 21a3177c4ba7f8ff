import { z } from "zod";
import { countAudit, searchAudit, type AuditRow } from "@/db/queries/audit";
import { canAdminister } from "@/lib/auth/policy";
import { attachmentDisposition } from "@/lib/export/attachment";
import { auditMessages } from "@/lib/i18n/zh-CN/audit";
import { auditCsv, auditXlsx, exportNote, parseAuditFilter } from "@/lib/security/audit-log-view";
import { UserError } from "@/lib/errors";
import { defineOperation } from "@/app/_server/operation";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const BATCH = 5000;
/** A bigger export is refused with a message to narrow the filter (a year of a city's log fits). */
export const MAX_EXPORT_ROWS = 200_000;

/**
 * The audit log, filtered as the view's URL says, as .xlsx or CSV. Admins only; the export itself
 * is written to the log (who took which evidence out, with which filter).
 */
export const exportAuditOperation = defineOperation({
  name: "audit.export",
  kind: "route",
  route: { method: "GET", path: "/admin/audit/export" },
  access: { kind: "global", roles: ["admin"] },
  input: z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") }).catchall(z.string()),
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db }, input) => {
    const { filter, errors } = parseAuditFilter(input);
    const firstError = Object.values(errors)[0];
    if (firstError)
      throw new UserError(firstError, Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, [v as string]])));
    const total = await countAudit(db, filter);
    if (total > MAX_EXPORT_ROWS) throw new UserError(auditMessages.log.tooMany(total, MAX_EXPORT_ROWS));
    const rows: AuditRow[] = [];
    for (let beforeId: number | undefined; ; ) {
      const batch = await searchAudit(db, filter, { limit: BATCH, beforeId });
      rows.push(...batch);
      if (batch.length < BATCH) break;
      beforeId = batch[batch.length - 1].id;
    }
    const note = exportNote(filter, rows.length);
    const stamp = new Date().toISOString().slice(0, 10);
    const body = input.format === "csv" ? new TextEncoder().encode(auditCsv(rows)) : await auditXlsx(rows, note);
    const type = input.format === "csv" ? "text/csv; charset=utf-8" : XLSX;
    const name = `${auditMessages.log.title}-${stamp}.${input.format}`;
    return new Response(new Blob([body as BlobPart], { type }), {
      headers: {
        "content-type": type,
        "content-disposition": attachmentDisposition(`audit-${stamp}.${input.format}`, name),
        "cache-control": "no-store",
      },
    });
  },
  // Taking evidence out is itself evidence: who exported, which format, with which filter.
  audit: {
    kind: "row",
    entry: (input) => ({
      entityType: "audit_log",
      entityId: "export",
      detail: { format: input.format, ...parseAuditFilter(input).filter },
    }),
  },
});
