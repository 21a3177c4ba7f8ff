import { z } from "zod";
import { loadClassificationCatalogue } from "@/db/queries/classification";
import { publishedDisclosure } from "@/db/queries/previous-year";
import { openRevision, publishSnapshot, REVISION_NOTE_MAX } from "@/db/queries/publishing";
import { renderBundle } from "@/lib/export/bundle";
import { sharedPrinter } from "@/lib/export/pdf";
import { renderPortalPage } from "@/lib/render/portal-page";
import { zhCN } from "@/lib/i18n/zh-CN";
import { transitionOf } from "@/lib/workflow/transitions";
import { existing, takesStep } from "@/app/_server/directory";
import { defineOperation } from "@/app/_server/operation";

const t = zhCN.portal.publish;

const target = z.object({ id: z.uuid(), expectedVersion: z.coerce.number().int().positive() });

/**
 * Publishes an approved disclosure: db/queries/publishing.ts renders every format from exactly the
 * canonical JSON it freezes (PDF, Word, Excel, JSON, CSV, the data package), then in one
 * transaction publishes it and stores each file with its SHA-256. A correction (revision 2 on)
 * needs its note. No transaction around the operation: the render must not run inside one.
 */
export const publishOperation = defineOperation({
  name: "publication.publish",
  kind: "action",
  access: { kind: "global", roles: [transitionOf("publish").by] },
  input: target.extend({
    note: z.string().trim().max(REVISION_NOTE_MAX, t.noteTooLong(REVISION_NOTE_MAX)).default(""),
  }),
  policy: ({ db, actor }, input) => takesStep(db, actor, input.id, "publish"),
  run: async ({ db, actor, ip }, input, found) => {
    const facts = existing(found);
    // The year's catalogue names the tables' 类/款 subtotal rows in the published files.
    const nameOf = (await loadClassificationCatalogue(db, facts.fiscalYear))?.nameOf;
    // What the department published the year before fills the workbook's 上年 columns.
    const previous = await publishedDisclosure(db, facts.departmentCode, facts.fiscalYear - 1);
    const published = await publishSnapshot(db, actor, input.id, {
      expectedVersion: input.expectedVersion,
      note: input.note,
      ip,
      files: (canonical) =>
        renderBundle(canonical, { printer: sharedPrinter(), revision: facts.revision, nameOf, previous }),
      page: (canonical) => renderPortalPage(canonical, nameOf),
    });
    return {
      ...published,
      revision: facts.revision,
      departmentName: facts.departmentName,
      fiscalYear: facts.fiscalYear,
      departmentCode: facts.departmentCode,
    };
  },
  // publishSnapshot writes the audit row (with every file's checksum) in its transaction.
  audit: { kind: "byQuery" },
});

/**
 * A correction after publication: a new draft revision of the published content, with what it
 * corrects. The published revision stays public until the correction is approved and published.
 */
export const openRevisionOperation = defineOperation({
  name: "publication.open-revision",
  kind: "action",
  access: { kind: "global", roles: [transitionOf("openRevision").by] },
  input: target.extend({
    note: z.string().trim().min(1, t.openRevisionRequired).max(REVISION_NOTE_MAX, t.noteTooLong(REVISION_NOTE_MAX)),
  }),
  policy: ({ db, actor }, input) => takesStep(db, actor, input.id, "openRevision"),
  run: async ({ db, actor, ip }, input) =>
    openRevision(db, actor, input.id, { expectedVersion: input.expectedVersion, note: input.note, ip }),
  // openRevision audits the step and the new revision in its transaction.
  audit: { kind: "byQuery" },
});
