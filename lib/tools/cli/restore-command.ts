import path from "node:path";
import { createDb, optionsFromEnv } from "../../../db/client";
import { opsMessages } from "../../i18n/zh-CN/ops";
import { BackupError } from "../ops/backup";
import { backupFileExists, restoreBackupFile } from "../ops/backup-file";
import { CliError, EXIT_OK, type CliCommand } from "./command";
import { parseOptions, singleFile } from "./options";

const t = opsMessages.restore;

/**
 * `restore FILE`: a backup into a new database (DATABASE_URL, else the PGlite folder PGLITE_DIR),
 * migrated here first. The file is checked in full before anything is written, and the restore is
 * one transaction: a refused or failed restore leaves the database as it was.
 */
export const restoreCommand: CliCommand = {
  name: "restore",
  usage: "restore FILE",
  summary: t.summary,
  async run(args, io) {
    const { positionals } = parseOptions("restore", args, {});
    const file = path.resolve(io.cwd, singleFile("restore", positionals));
    if (!backupFileExists(file)) throw new CliError(t.unreadable(positionals[0]));
    const handle = createDb(optionsFromEnv());
    try {
      const summary = await restoreBackupFile(handle.db, file);
      io.err(t.done(summary.tables, summary.rows));
      return EXIT_OK;
    } catch (error) {
      if (error instanceof BackupError) throw new CliError(error.message);
      throw error;
    } finally {
      await handle.close();
    }
  },
};
