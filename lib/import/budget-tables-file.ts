import { importMessages } from "../i18n/zh-CN/import";
import { type BudgetTablesReading, readBudgetTables } from "./budget-tables";
import { ParseLimitError } from "./upload/limits";
import { readWorkbook } from "./xlsx-rows";

/** A workbook that holds no budget table, or is no workbook: refused with the reason, in the sender's words. */
export class BudgetTablesRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BudgetTablesRefused";
  }
}

/**
 * A workbook of the standard budget tables, read in this thread by the bounded reader
 * (xlsx-rows.ts, limits of lib/import/upload/limits.ts); the CLI and uploads run it in the parse
 * worker (parse/parse-jobs.ts, kind "tables").
 */
export function readBudgetTablesHere(bytes: Uint8Array, fileName: string): BudgetTablesReading {
  let sheets: ReturnType<typeof readWorkbook>;
  try {
    sheets = readWorkbook(bytes);
  } catch (error) {
    if (error instanceof ParseLimitError) throw error;
    throw new BudgetTablesRefused(importMessages.budgetTables.notWorkbook(fileName));
  }
  const reading = readBudgetTables(sheets);
  if (reading.found.length === 0) throw new BudgetTablesRefused(importMessages.budgetTables.noTables(fileName));
  return reading;
}
