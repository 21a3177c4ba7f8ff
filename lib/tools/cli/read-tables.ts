import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { BudgetTables } from "../../domain/budget-tables";
import type { Disclosure } from "../../domain/model";
import { withBudgetTables } from "../../import/budget-tables";
import { runParseJob } from "../../import/parse/bounded-parse";
import { CliError, type CliIo } from "./command";

/**
 * `--tables FILE`: the standard budget tables from a workbook (lib/import/budget-tables.ts), read
 * by the same bounded worker as uploads, joined to the disclosure read from the text. What was
 * converted (元 to 万元), left out or filled into the text goes to stderr, one line each.
 */
export async function readTablesFile(file: string, io: CliIo): Promise<BudgetTables> {
  const fullPath = path.resolve(io.cwd, file);
  let bytes: Uint8Array;
  try {
    if (statSync(fullPath).isDirectory()) throw new CliError(`无法读取 ${file}：这是一个目录，不是文件`);
    bytes = readFileSync(fullPath);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(
      `无法读取 ${file}：${(error as NodeJS.ErrnoException)?.code === "ENOENT" ? "文件不存在" : String(error)}`,
    );
  }
  const reading = await runParseJob(
    { kind: "tables", bytes, fileName: file, check: true },
    (refusal) => new CliError(refusal.message),
  );
  for (const note of reading.notes) io.err(note);
  return reading.tables;
}

/** The disclosure with the tables of `--tables`, when given. */
export async function withTablesOption(d: Disclosure, file: string | undefined, io: CliIo): Promise<Disclosure> {
  if (file === undefined) return d;
  const { disclosure, notes } = withBudgetTables(d, await readTablesFile(file, io));
  for (const note of notes) io.err(note);
  return disclosure;
}
