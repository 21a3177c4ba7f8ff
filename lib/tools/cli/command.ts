/**
 * What every sub-command of `npm run cli` is. A new command (export, backup, create-admin) is
 * one file exporting a CliCommand and one line in main.ts's list.
 */

export type CliIo = {
  /** A line of the command's result (stdout). */
  out(text: string): void;
  /** A line for the person at the terminal: problems, progress (stderr). */
  err(text: string): void;
  cwd: string;
};

export type CliCommand = {
  name: string;
  usage: string;
  summary: string;
  /** Resolves to the exit code: 0 done, 1 the check found errors, 2 unreadable input or wrong usage. */
  run(args: string[], io: CliIo): Promise<number>;
};

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNREADABLE = 2;
export const EXIT_INTERNAL = 3;

/** An error meant for the person running the command: one zh-CN line, no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_UNREADABLE,
  ) {
    super(message);
    this.name = "CliError";
  }
}
