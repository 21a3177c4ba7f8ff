import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError } from "./command";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** node:util's parser with its English errors turned into one zh-CN line. */
export type ParsedOptions = {
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  positionals: string[];
};

export function parseOptions(command: string, args: string[], options: Options): ParsedOptions {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    throw new CliError(
      unknown ? `${command}：未知选项 ${unknown[1]}（用 --help 查看用法）` : `${command}：参数有误（${message}）`,
    );
  }
}

/** Exactly one FILE argument. */
export function singleFile(command: string, positionals: string[]): string {
  if (positionals.length === 0) throw new CliError(`${command}：缺少文件名（用法：${command} FILE）`);
  if (positionals.length > 1) throw new CliError(`${command}：只能给一个文件，收到 ${positionals.length} 个`);
  return positionals[0];
}
