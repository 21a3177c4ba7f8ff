import { inflateRawSync } from "node:zlib";
import { ZipWriter } from "./zip-writer";

/**
 * Published files are checksummed, so the same disclosure must give the same bytes. Word and
 * Excel packages carry the time they were written twice: in each zip entry's header and in
 * docProps/core.xml. Both are pinned here; everything else the libraries write is already a
 * function of the content.
 *
 * The package is read and written again with Node's zlib (./zip-writer.ts), not with a zip library
 * in JavaScript: it is the same deflate at level 6, at a fraction of the time, which counts when a
 * year's export builds hundreds of these.
 */

/** The moment every package claims to be written at unless the caller names one. */
export const FIXED_TIMESTAMP = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

export type PartRewrite = (path: string, xml: string) => string;

function pinCoreDates(xml: string, at: Date): string {
  const iso = at.toISOString().replace(/\.\d{3}Z$/, "Z");
  return xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`);
}

/**
 * The files of a zip the libraries wrote, in the archive's order (folders left out). Only what
 * they write is read: stored or deflated entries, sizes in the central directory, no zip64.
 */
export function readZipEntries(bytes: Uint8Array): Array<[string, Uint8Array]> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = data.length - 22;
  while (end >= 0 && data.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error("not a zip archive: no end of central directory");
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  const entries: Array<[string, Uint8Array]> = [];
  for (let i = 0; i < count; i += 1) {
    if (data.readUInt32LE(at) !== 0x02014b50) throw new Error("not a zip archive: broken central directory");
    const method = data.readUInt16LE(at + 10);
    const compressedSize = data.readUInt32LE(at + 20);
    const size = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const skip = nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    const name = data.toString("utf8", at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (name.endsWith("/")) continue;
    if (data.readUInt32LE(local) !== 0x04034b50) throw new Error(`not a zip archive: no local header for ${name}`);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const body = data.subarray(start, start + compressedSize);
    let content: Uint8Array;
    if (method === 0) content = body;
    else if (method === 8) content = inflateRawSync(body, { maxOutputLength: Math.max(size, 1) });
    else throw new Error(`zip entry ${name}: compression method ${method} is not read`);
    if (content.byteLength !== size) throw new Error(`zip entry ${name}: ${content.byteLength} bytes where the archive says ${size}`);
    entries.push([name, content]);
  }
  return entries;
}

export async function deterministicZip(bytes: Uint8Array, options: { at?: Date; rewrite?: PartRewrite } = {}): Promise<Uint8Array> {
  const at = options.at ?? FIXED_TIMESTAMP;
  // [Content_Types].xml first: the OPC convention, and some readers sniff for it there.
  const entries = readZipEntries(bytes).sort(([a], [b]) => Number(b === "[Content_Types].xml") - Number(a === "[Content_Types].xml"));
  const chunks: Uint8Array[] = [];
  const out = new ZipWriter((chunk) => void chunks.push(chunk), { at });
  for (const [name, content] of entries) {
    if (name.endsWith(".xml") || name.endsWith(".rels")) {
      let xml = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString("utf8");
      if (name === "docProps/core.xml") xml = pinCoreDates(xml, at);
      if (options.rewrite) xml = options.rewrite(name, xml);
      await out.add(name, Buffer.from(xml, "utf8"));
    } else {
      await out.add(name, content);
    }
  }
  await out.finish();
  return new Uint8Array(Buffer.concat(chunks));
}
