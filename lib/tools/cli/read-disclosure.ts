import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { runParseJob } from "../../import/parse/bounded-parse";
import { formatProblem, type ImportResult } from "../../import/text/problems";
import { CliError, type CliIo } from "./command";

/**
 * FILE (disclosure text in any encoding, a Word file, or canonical JSON) read for a command.
 * Import problems go to stderr as `第N行：…`; input that cannot be read at all is a CliError
 * saying what and where. Read by the same bounded worker as the server's uploads
 * (lib/import/parse/bounded-parse.ts): a file over the limits is refused with the same words.
 */
export async function readDisclosureFile(file: string, io: CliIo): Promise<ImportResult> {
  const fullPath = path.resolve(io.cwd, file);
  let bytes: Uint8Array;
  try {
    if (statSync(fullPath).isDirectory()) throw new CliError(`无法读取 ${file}：这是一个目录，不是文件`);
    bytes = readFileSync(fullPath);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`无法读取 ${file}：${fileErrorMessage(error)}`);
  }
  const reading = await runParseJob(
    { kind: "disclosure", bytes, fileName: file },
    (refusal) => new CliError(refusal.message),
  );
  if (!reading.ok) throw new CliError(`无法读取 ${file}：不是可读的 Word（.docx）文件（${reading.notWord}）`);
  const result = reading.result;
  if (!result.readable) {
    const [first, ...rest] = result.problems;
    const more = rest.length > 0 ? `（另有 ${rest.length} 处问题）` : "";
    const reason = first ? formatProblem(first).replace(/\s*\n\s*/g, " ") : "不是部门预算信息公开文件";
    throw new CliError(`无法读取 ${file}：${reason}${more}`);
  }
  for (const problem of result.problems) io.err(formatProblem(problem));
  return result;
}

function fileErrorMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "文件不存在";
  if (code === "EACCES" || code === "EPERM") return "没有读取权限";
  if (code === "EISDIR") return "这是一个目录，不是文件";
  return error instanceof Error ? error.message : String(error);
}
