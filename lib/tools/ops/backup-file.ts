import {
  createReadStream,
  createWriteStream,
  existsSync,
  openSync,
  readSync,
  closeSync,
  renameSync,
  rmSync,
} from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";
import type { Db } from "@/db/client";
import { dumpDatabase, type BackupSummary } from "./backup";
import { restoreDatabase, type LineSource } from "./restore";

/**
 * Backups as files. Written to FILE.partial and renamed when complete, so FILE is never a
 * half-written backup; gzip when the name ends in .gz (read back whatever the name, by content).
 */

export async function writeBackupFile(db: Db, driver: "pg" | "pglite", file: string): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  const gzip = file.endsWith(".gz") ? createGzip() : null;
  const sink: Writable = gzip ?? out;
  const piped = gzip
    ? new Promise<void>((resolve, reject) => gzip.pipe(out).on("finish", resolve).on("error", reject))
    : null;
  // Lines gathered into 1 MB chunks: a write per row would be slow on a large backup.
  let buffer = "";
  try {
    const summary = await dumpDatabase(db, driver, async (line) => {
      buffer += `${line}\n`;
      const chunk = buffer;
      if (chunk.length >= 1 << 20) {
        buffer = "";
        if (!sink.write(chunk)) await once(sink, "drain");
      }
    });
    sink.end(buffer);
    if (piped) await piped;
    else await once(out, "finish");
    renameSync(partial, file);
    return summary;
  } catch (error) {
    out.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
}

function isGzip(file: string): boolean {
  const fd = openSync(file, "r");
  try {
    const magic = Buffer.alloc(2);
    return readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** The file's lines, read afresh on each call (restore reads the file twice). */
export function fileLines(file: string): LineSource {
  const gz = isGzip(file);
  return () => {
    const raw = createReadStream(file);
    const input: Readable = gz ? raw.pipe(createGunzip()) : raw;
    return createInterface({ input, crlfDelay: Infinity });
  };
}

export async function restoreBackupFile(db: Db, file: string): Promise<BackupSummary> {
  return restoreDatabase(db, fileLines(file));
}

export const backupFileExists = (file: string) => existsSync(file);
