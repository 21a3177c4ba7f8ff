import { crc32, deflateRawSync } from "node:zlib";
import { FIXED_TIMESTAMP } from "./fixed-timestamp";

/**
 * A zip written as it goes: each entry's bytes go to the sink as soon as they are added and only
 * the small central-directory records are kept, so a year of files (hundreds of megabytes) never
 * sits in memory at once. Names are UTF-8 (flag bit 11), times are pinned (the same files give
 * the same archive), and already-compressed formats are stored rather than squeezed again.
 */

export type ZipSink = (chunk: Uint8Array) => void | Promise<void>;

/** Formats that are zips or compressed streams already: deflating them again costs time and saves nothing. */
const STORED = /\.(pdf|docx|xlsx|zip|png|jpe?g)$/i;

const UTF8_FLAG = 0x0800;
const MAX_32 = 0xffffffff;

/** The DOS date and time a zip entry carries, from the UTC calendar (never the server's zone). */
function dosDateTime(at: Date): { date: number; time: number } {
  const year = Math.max(1980, at.getUTCFullYear());
  return {
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
  };
}

export class ZipTooLargeError extends Error {
  constructor() {
    super("导出的文件超过 4 GB 或 65535 个，无法写入一个 zip：请分年度或分格式导出。");
    this.name = "ZipTooLargeError";
  }
}

export class ZipWriter {
  private offset = 0;
  private readonly central: Buffer[] = [];
  private readonly names = new Set<string>();
  private readonly stamp: { date: number; time: number };

  constructor(
    private readonly sink: ZipSink,
    options: { at?: Date } = {},
  ) {
    this.stamp = dosDateTime(options.at ?? FIXED_TIMESTAMP);
  }

  private async emit(chunk: Uint8Array): Promise<void> {
    await this.sink(chunk);
    this.offset += chunk.byteLength;
  }

  /** Adds one file; a name already in the archive is refused (readers would show only one). */
  async add(name: string, data: Uint8Array): Promise<void> {
    if (this.names.has(name)) throw new Error(`duplicate zip entry: ${name}`);
    this.names.add(name);
    const nameBytes = Buffer.from(name, "utf8");
    const stored = STORED.test(name) || data.byteLength === 0;
    const body = stored ? data : deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    if (this.offset + body.byteLength + 30 + nameBytes.length > MAX_32 || this.central.length >= 0xffff)
      throw new ZipTooLargeError();

    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(UTF8_FLAG, 6);
    header.writeUInt16LE(stored ? 0 : 8, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(body.byteLength, 18);
    header.writeUInt32LE(data.byteLength, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);

    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(UTF8_FLAG, 8);
    record.writeUInt16LE(stored ? 0 : 8, 10);
    record.writeUInt16LE(this.stamp.time, 12);
    record.writeUInt16LE(this.stamp.date, 14);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(body.byteLength, 20);
    record.writeUInt32LE(data.byteLength, 24);
    record.writeUInt16LE(nameBytes.length, 28);
    // extra, comment, disk, internal and external attributes stay 0
    record.writeUInt32LE(this.offset, 42);
    this.central.push(record, nameBytes);

    await this.emit(header);
    await this.emit(nameBytes);
    await this.emit(body);
  }

  /** Writes the central directory; the archive is complete once this resolves. Returns its size in bytes. */
  async finish(): Promise<number> {
    const start = this.offset;
    const directory = Buffer.concat(this.central);
    const entries = this.central.length / 2;
    if (start + directory.byteLength > MAX_32) throw new ZipTooLargeError();
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries, 8);
    end.writeUInt16LE(entries, 10);
    end.writeUInt32LE(directory.byteLength, 12);
    end.writeUInt32LE(start, 16);
    await this.emit(directory);
    await this.emit(end);
    return this.offset;
  }
}

/** A small archive built in memory (the data package's two files). */
export async function zipInMemory(
  entries: ReadonlyArray<readonly [string, Uint8Array]>,
  options: { at?: Date } = {},
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const writer = new ZipWriter((chunk) => void chunks.push(chunk), options);
  for (const [name, data] of entries) await writer.add(name, data);
  await writer.finish();
  return new Uint8Array(Buffer.concat(chunks));
}
