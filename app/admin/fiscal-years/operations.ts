import { z } from "zod";
import { createFiscalYear, updateFiscalYear } from "@/db/queries/settings";
import { startYearDrafts } from "@/db/queries/year-drafts";
import { fiscalYearForm, newFiscalYearForm } from "@/lib/admin/forms";
import { canAdminister } from "@/lib/auth/policy";
import { defineOperation } from "@/app/_server/operation";

/**
 * Fiscal years: opening one (optionally giving every department its draft in the same
 * transaction), changing its framework, deadline or status, and filling in the drafts of
 * departments that have none yet. The year's own row is audited by its query; the drafts each by
 * theirs; the operation adds one row saying which drafts were carried forward and which blank.
 */

const admins = { kind: "global", roles: ["admin"] } as const;

export const openFiscalYearOperation = defineOperation({
  name: "fiscal-year.open",
  kind: "action",
  access: admins,
  input: newFiscalYearForm,
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db, actor, ip }, input) => {
    const { startDrafts, ...year } = input;
    await createFiscalYear(db, actor.id, { ...year, status: "open" }, ip);
    const drafts = startDrafts ? await startYearDrafts(db, actor, year.year, ip) : { carried: [], empty: [] };
    return { year: year.year, ...drafts };
  },
  // The year and each draft are audited by their queries; this row says which drafts were carried forward and which blank.
  audit: {
    kind: "row",
    entry: (input, output) => ({
      entityType: "fiscal_year",
      entityId: String(output.year),
      detail: { startDrafts: input.startDrafts, carried: output.carried, empty: output.empty },
    }),
  },
});

export const updateFiscalYearOperation = defineOperation({
  name: "fiscal-year.update",
  kind: "action",
  access: admins,
  input: fiscalYearForm,
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db, actor, ip }, input) => {
    await updateFiscalYear(db, actor.id, input, ip);
    return { year: input.year };
  },
  audit: { kind: "byQuery" },
});

export const startYearDraftsOperation = defineOperation({
  name: "fiscal-year.start-drafts",
  kind: "action",
  access: admins,
  input: z.object({ year: z.coerce.number().int() }),
  policy: ({ actor }) => canAdminister(actor),
  run: async ({ db, actor, ip }, input) => ({
    year: input.year,
    ...(await startYearDrafts(db, actor, input.year, ip)),
  }),
  audit: {
    kind: "row",
    entry: (_input, output) => ({
      entityType: "fiscal_year",
      entityId: String(output.year),
      detail: { carried: output.carried, empty: output.empty },
    }),
  },
});
