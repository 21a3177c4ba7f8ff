import path from "node:path";
import { createDb, optionsFromEnv } from "../../../db/client";
import { opsMessages } from "../../i18n/zh-CN/ops";
import { backupFileExists, writeBackupFile } from "../ops/backup-file";
import { CliError, EXIT_OK, type CliCommand } from "./command";
import { parseOptions } from "./options";

const t = opsMessages.backup;

/**
 * `backup --out FILE`: the database the app uses (DATABASE_URL, else the PGlite folder PGLITE_DIR)
 * into one file. On PostgreSQL it may run while the app serves (one consistent snapshot); a PGlite
 * folder is one process's at a time, so stop the app first.
 */
export const backupCommand: CliCommand = {
  name: "backup",
  usage: "backup --out FILE",
  summary: t.summary,
  async run(args, io) {
    const { values, positionals } = parseOptions("backup", args, { out: { type: "string" } });
    const out = typeof values.out === "string" ? values.out : positionals[0];
    if (!out) throw new CliError(t.missingOut);
    const file = path.resolve(io.cwd, out);
    if (backupFileExists(file)) throw new CliError(t.exists(out));
    const handle = createDb(optionsFromEnv());
    try {
      const summary = await writeBackupFile(handle.db, handle.driver, file);
      io.err(t.done(out, summary.tables, summary.rows));
      return EXIT_OK;
    } finally {
      await handle.close();
    }
  },
};
