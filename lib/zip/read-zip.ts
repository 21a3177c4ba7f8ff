import { inflateRawSync } from "node:zlib";

/**
 * Reads a zip archive's central directory and inflates its entries, refusing anything an Office
 * file or our own exporters never contain: zip64, methods other than stored and deflate, entries
 * that overlap (the overlapping-file zip bomb), an entry that inflates to more or less than it
 * declares. Used on hostile bytes (uploads, lib/security/upload-check.ts) and on the libraries'
 * own output (lib/export/deterministic-zip.ts). Failures are ZipProblem, with a kind the caller
 * turns into its own words.
 */

export type ZipEntry = {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
};

export type ZipProblemKind = "broken" | "bomb";

export class ZipProblem extends Error {
  constructor(
    readonly kind: ZipProblemKind,
    detail: string,
  ) {
    super(`zip archive ${kind === "bomb" ? "over its limits" : "broken"}: ${detail}`);
    this.name = "ZipProblem";
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

export function readZipDirectory(bytes: Uint8Array, limits: { maxEntries?: number } = {}): ZipEntry[] {
  const broken = (detail: string) => new ZipProblem("broken", detail);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is in the last 22 bytes plus at most a 64 KiB comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken("no end of central directory");
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  // Zip64 markers: an Office file within our size limits never needs them.
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipProblem("bomb", "zip64");
  if (limits.maxEntries !== undefined && count > limits.maxEntries) throw new ZipProblem("bomb", `${count} entries`);
  if (directoryOffset + directorySize > eocd) throw broken("central directory out of bounds");

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  const decoder = new TextDecoder("utf-8");
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw broken("bad central directory entry");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > eocd) throw broken("entry name out of bounds");
    entries.push({
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  // Entries that share compressed bytes are the overlapping-file zip bomb; real archives never do.
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < byOffset.length; i++) {
    if (byOffset[i].localOffset < byOffset[i - 1].localOffset + 30 + byOffset[i - 1].compressedSize)
      throw new ZipProblem("bomb", "overlapping entries");
  }
  return entries;
}

/** The entry's bytes, exactly as many as the directory declares. */
export function inflateZipEntry(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const broken = (detail: string) => new ZipProblem("broken", `${entry.name}: ${detail}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.localOffset + 30 > bytes.length || view.getUint32(entry.localOffset, true) !== LOCAL_SIGNATURE)
    throw broken("no local header");
  const start =
    entry.localOffset +
    30 +
    view.getUint16(entry.localOffset + 26, true) +
    view.getUint16(entry.localOffset + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw broken("data out of bounds");
  const compressed = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw broken("stored with two sizes");
    return Buffer.from(compressed.buffer, compressed.byteOffset, compressed.byteLength);
  }
  if (entry.method !== 8) throw broken(`compression method ${entry.method}`);
  let data: Buffer;
  try {
    // One byte of room beyond the declared size tells a lie apart from an exact fit.
    data = inflateRawSync(compressed, { maxOutputLength: entry.size + 1 });
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
      throw new ZipProblem("bomb", `${entry.name} inflates beyond its declared size`);
    throw broken("does not inflate");
  }
  if (data.byteLength > entry.size) throw new ZipProblem("bomb", `${entry.name} inflates beyond its declared size`);
  if (data.byteLength < entry.size) throw broken(`${data.byteLength} bytes where the archive says ${entry.size}`);
  return data;
}
