import { CliError, EXIT_INTERNAL, EXIT_OK, EXIT_UNREADABLE, type CliCommand, type CliIo } from "./command";

/**
 * `npm run --silent cli -- <command> …`: the importer and the rule engine for scripts and for
 * the finance bureau's batch checks. Every failure is one zh-CN line on stderr and an exit code.
 */

/**
 * Each command by name, loaded only when it runs: `check` and `import` start in a fraction of a
 * second instead of loading the exporters, the PDF printer and the database as `export` needs.
 */
const loaders: ReadonlyArray<readonly [string, () => Promise<CliCommand>]> = [
  ["import", () => import("./import-command").then((m) => m.importCommand)],
  ["check", () => import("./check-command").then((m) => m.checkCommand)],
  ["create-admin", () => import("./create-admin-command").then((m) => m.createAdminCommand)],
  ["backup", () => import("./backup-command").then((m) => m.backupCommand)],
  ["restore", () => import("./restore-command").then((m) => m.restoreCommand)],
  ["export", () => import("./export-command").then((m) => m.exportCommand)],
];
const commandNames = loaders.map(([name]) => name);

/** The command called `name`, loaded; undefined for a name that is none. */
async function loadCommand(name: string): Promise<CliCommand | undefined> {
  const command = await loaders.find(([n]) => n === name)?.[1]();
  if (command && command.name !== name) throw new Error(`cli: “${name}” loads the command “${command.name}”`);
  return command;
}

async function help(): Promise<string[]> {
  const commands = await Promise.all(loaders.map(([, load]) => load()));
  return [
    "部门预算信息公开工作台 · 命令行",
    "",
    "用法：npm run --silent cli -- <命令> [参数]",
    "",
    ...commands.map((c) => `  ${c.usage.padEnd(24)}${c.summary}`),
    "",
    "FILE 可以是公开文本（UTF-8、GBK/GB18030 或带 BOM 的 UTF-16）、Word 文件（.docx）或规范 JSON（.json）。",
    "导入问题以“第N行：…”输出到标准错误。",
    "退出码：0 完成；1 检查发现“错误”级问题；2 文件无法读取或用法有误；3 程序内部错误。",
  ];
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    for (const line of await help()) io.out(line);
    return name === undefined ? EXIT_UNREADABLE : EXIT_OK;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.err(`未知命令“${name}”（可用：${commandNames.join("、")}；用 --help 查看用法）`);
    return EXIT_UNREADABLE;
  }
  if (args.includes("--help") || args.includes("-h")) {
    io.out(`用法：${command.usage}`);
    io.out(command.summary);
    return EXIT_OK;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    // A defect, not the user's input: still one line, the stack only when asked for.
    io.err(`程序内部错误：${error instanceof Error ? error.message : String(error)}`);
    if (process.env.CLI_DEBUG) io.err(error instanceof Error ? (error.stack ?? "") : "");
    return EXIT_INTERNAL;
  }
}

const io: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  cwd: process.cwd(),
};

// process.exitCode, not process.exit(): a large JSON piped to another program must be flushed first.
runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`程序内部错误：${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT_INTERNAL;
  },
);
