import { z } from "zod";
import { loadClassificationCatalogue } from "@/db/queries/classification";
import { loadEditableDisclosure } from "@/db/queries/disclosures";
import { publishedDisclosure } from "@/db/queries/previous-year";
import { canViewDisclosure } from "@/lib/auth/policy";
import { toCanonical } from "@/lib/domain/editable";
import { UserError } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/export/attachment";
import { bundleFileName, contentTypeOf } from "@/lib/export/bundle";
import { renderPdf, sharedPrinter } from "@/lib/export/pdf";
import { renderXlsx } from "@/lib/export/xlsx";
import { formatDateTime } from "@/lib/i18n/format";
import { portalMessages } from "@/lib/i18n/zh-CN/portal";
import { isPublished } from "@/lib/workflow/states";
import { existing, judgeDisclosure } from "@/app/_server/directory";
import { defineOperation } from "@/app/_server/operation";

const m = portalMessages.draft;

/**
 * A disclosure not yet published, as paper for the unit head before the clerk submits: the official
 * PDF with a diagonal 草稿 and the saved version and time on every page, or the Excel workbook with
 * last year's published figures in its 上年 columns. Whoever may read the draft may print it; a
 * published revision has its real files on the portal instead.
 */
export const draftFileOperation = defineOperation({
  name: "disclosure.draft-file",
  kind: "route",
  route: { method: "GET", path: "/api/disclosures/[id]/draft" },
  access: { kind: "scoped", roles: ["clerk", "approver", "admin"] },
  input: z.object({ id: z.uuid(), format: z.enum(["pdf", "xlsx"]).default("pdf") }),
  policy: ({ db, actor }, { id }) => judgeDisclosure(db, id, (facts) => canViewDisclosure(actor, facts)),
  run: async ({ db, actor }, { id, format }, found) => {
    const facts = existing(found);
    if (isPublished(facts.state)) throw new UserError(m.published, {}, "invalid-state");
    const printer = sharedPrinter();
    if (format === "pdf" && !printer.available) throw new UserError(m.noPrinter, {}, "invalid-state");
    const { meta, content } = await loadEditableDisclosure(db, actor, id);
    const d = toCanonical(content);
    const nameOf = (await loadClassificationCatalogue(db, d.fiscalYear))?.nameOf;
    const bytes =
      format === "pdf"
        ? await renderPdf(d, {
            printer,
            nameOf,
            at: new Date(),
            draft: { revision: facts.revision, version: meta.version, printedAt: formatDateTime(new Date()) },
          })
        : await renderXlsx(d, {
            nameOf,
            at: new Date(),
            previous: await publishedDisclosure(db, facts.departmentCode, d.fiscalYear - 1),
          });
    const ascii = bundleFileName(d, format).replace(/(\.\w+)$/, `-draft-v${meta.version}$1`);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": contentTypeOf(format),
        "content-length": String(bytes.byteLength),
        "content-disposition": attachmentDisposition(ascii, `${m.fileName(d.title, meta.version)}.${format}`),
        "x-content-type-options": "nosniff",
        // A draft changes with every save: never kept by a cache.
        "cache-control": "private, no-store",
      },
    });
  },
});
