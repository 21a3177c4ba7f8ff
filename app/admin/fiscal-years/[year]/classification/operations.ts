import { classificationCodesInUse, currentClassification, importClassification } from "@/db/queries/classification";
import { getFiscalYear } from "@/db/queries/settings";
import { validateClassificationSheet } from "@/lib/admin/classification-sheet";
import { fiscalYearForm } from "@/lib/admin/forms";
import { readSheet, type SheetProblem } from "@/lib/admin/sheet";
import { canAdminister } from "@/lib/auth/policy";
import { codesToKeep, compareCatalogues, type ClassificationEntry } from "@/lib/domain/classification";
import { defineOperation } from "@/app/_server/operation";
import { fileBytes, sheetUpload } from "../../../sheet-upload";

export type ClassificationImportResult = {
  fileName: string;
  rowCount: number;
  problems: SheetProblem[];
  fiscalYear: number;
  entries: Array<ClassificationEntry & { row: number }>;
  /** Against the year's catalogue as it stands: how many codes it has, and what the sheet would change. */
  changes: { before: number; added: number; removed: number; renamed: number };
  imported: number;
};

/**
 * A fiscal year's 《政府收支分类科目》 from a sheet, replacing the year's catalogue as a whole.
 * Preview reads and checks (shape, repeats, parents, and that no code the year's disclosures use
 * is dropped); commit checks the same again and db/queries/classification.ts importClassification
 * checks the codes in use once more inside its transaction, with the disclosures locked against
 * writes until it commits. The sheet is read first, in the bounded parse worker, with the same
 * limits as the other admin sheets (10 MB sent, 900 KB read, content-checked), never inside a
 * transaction.
 */
export const importClassificationOperation = defineOperation({
  name: "classification.import",
  kind: "action",
  access: { kind: "global", roles: ["admin"] },
  input: sheetUpload.extend({ year: fiscalYearForm.shape.year }),
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db, actor, ip }, input): Promise<ClassificationImportResult> => {
    // Only a year that was set up has a catalogue to replace (NotFoundError otherwise).
    await getFiscalYear(db, input.year);
    const rows = await readSheet(await fileBytes(input.file), input.file.name, { check: true });
    const current = await currentClassification(db, input.year);
    const used = codesToKeep(current.entries, await classificationCodesInUse(db, input.year));
    const result = validateClassificationSheet(rows, { fiscalYear: input.year, used });
    const diff = compareCatalogues(current.entries, result.entries);
    const outcome: ClassificationImportResult = {
      fileName: input.file.name,
      rowCount: result.rowCount,
      problems: result.problems,
      fiscalYear: input.year,
      entries: result.entries,
      changes: {
        before: current.entries.length,
        added: diff.added.length,
        removed: diff.removed.length,
        renamed: diff.renamed.length,
      },
      imported: 0,
    };
    if (input.mode === "preview" || result.problems.length > 0) return outcome;
    const done = await importClassification(db, actor.id, ip, {
      fiscalYear: input.year,
      fileName: input.file.name,
      entries: result.entries.map(({ kind, code, name }) => ({ kind, code, name })),
    });
    return {
      ...outcome,
      changes: {
        before: done.before,
        added: done.added.length,
        removed: done.removed.length,
        renamed: done.renamed.length,
      },
      imported: result.entries.length,
    };
  },
  // importClassification writes the catalogue and its audit row in one transaction.
  audit: { kind: "byQuery" },
});
