/**
 * What the importer could not read, said in zh-CN with the line the clerk should look at. The
 * importer never throws on a document: it reads what it can and lists the rest here.
 */
import type { Disclosure } from "../../domain/model";
import type { Finding } from "../../rules/finding";

export type ImportProblem = { line: number | null; path?: string; message: string };

export class Problems {
  readonly list: ImportProblem[] = [];

  add(line: number | null, message: string, path?: string): void {
    this.list.push(path === undefined ? { line, message } : { line, path, message });
  }
}

/** `第58行：…` for the command line and logs; a problem without a line is shown as is. */
export function formatProblem(problem: ImportProblem): string {
  const where = problem.line === null ? "" : `第${problem.line}行：`;
  const path = problem.path ? `（${problem.path}）` : "";
  return `${where}${problem.message}${path}`;
}

export type ImportResult = {
  disclosure: Disclosure;
  problems: ImportProblem[];
  /**
   * What the document says that the canonical disclosure cannot show: a figure stated twice that
   * disagrees with itself (plausibility.narrative-figure), at the catalogue's default severity.
   * Problems are what could not be read; findings are what was read and looks wrong.
   */
  findings: Finding[];
  encoding?: string;
  /**
   * False when the input is not a disclosure at all (empty, binary, unrelated text, JSON that
   * fails the schema): the disclosure is then an empty one and the problems say why.
   */
  readable: boolean;
};
