/** The largest upload accepted. Its own module so the browser's upload form can check it without loading the readers. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * What reading one untrusted file may cost, wherever it is read (a clerk's upload and its preview,
 * an admin's sheet import, the CLI): lib/import/parse/bounded-parse.ts runs every such read in a
 * worker thread under these bounds, so one file can neither stall the server nor take its memory.
 * The readers stop at the row or cell that goes over, instead of reading the rest first.
 *
 * Why these numbers: a large department's 绩效目标表 has a few thousand rows and a disclosure holds
 * at most 5,000 indicators (lib/domain/limits.ts); the 2020 fixture's text is 1,241 lines for 13
 * projects. Each bound is several times what a real file needs, and far below what hurts.
 */
export const parseLimits = {
  /** Rows of a workbook (all its sheets, as Excel numbers them) or of a CSV file. */
  rows: 10_000,
  /** Cells of those rows, each row counted up to its last filled cell. */
  cells: 300_000,
  /** Lines of a disclosure's text, or of the text made from a Word file. */
  lines: 200_000,
  /** Wall time of one read; then its worker is stopped. */
  timeoutMs: 10_000,
  /** The worker's heap, in MB: beyond it the worker is stopped, not the server. */
  heapMb: 512,
  /** Reads at once, each on its own thread (the server has two cores); more wait their turn. */
  concurrent: 2,
  /** Reads waiting for a thread; beyond them the server says it is busy. */
  queued: 20,
} as const;

export type ParseLimits = { rows: number; cells: number; lines: number };

export type ParseLimitKind = "rows" | "cells" | "lines";

/** A file over one of the bounds above; the caller, who knows the file's name, says it in Chinese. */
export class ParseLimitError extends Error {
  constructor(
    readonly limit: ParseLimitKind,
    readonly max: number,
  ) {
    super(`file over the parse limit: more than ${max} ${limit}`);
    this.name = "ParseLimitError";
  }
}

/** Text of more than `limits.lines` lines is refused before any reader goes through it. */
export function checkLineCount(text: string, limits: ParseLimits = parseLimits): void {
  let lines = 1;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) {
    if (++lines > limits.lines) throw new ParseLimitError("lines", limits.lines);
  }
}

/** A table read from text (CSV, tab-separated) within the row and cell bounds, or ParseLimitError. */
export function checkGridSize(rows: string[][], limits: ParseLimits = parseLimits): string[][] {
  if (rows.length > limits.rows) throw new ParseLimitError("rows", limits.rows);
  let cells = 0;
  for (const row of rows) if ((cells += row.length) > limits.cells) throw new ParseLimitError("cells", limits.cells);
  return rows;
}
