import { inflateZipEntry, readZipDirectory } from "../zip/read-zip";
import { FIXED_TIMESTAMP } from "./fixed-timestamp";
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

export type PartRewrite = (path: string, xml: string) => string;

function pinCoreDates(xml: string, at: Date): string {
  const iso = at.toISOString().replace(/\.\d{3}Z$/, "Z");
  return xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`);
}

/** The files of a zip the libraries wrote, in the archive's order (folders left out). */
export function readZipEntries(bytes: Uint8Array): Array<[string, Uint8Array]> {
  return readZipDirectory(bytes)
    .filter((entry) => !entry.name.endsWith("/"))
    .map((entry) => [entry.name, inflateZipEntry(bytes, entry)]);
}

export async function deterministicZip(
  bytes: Uint8Array,
  options: { at?: Date; rewrite?: PartRewrite } = {},
): Promise<Uint8Array> {
  const at = options.at ?? FIXED_TIMESTAMP;
  // [Content_Types].xml first: the OPC convention, and some readers sniff for it there.
  const entries = readZipEntries(bytes).sort(
    ([a], [b]) => Number(b === "[Content_Types].xml") - Number(a === "[Content_Types].xml"),
  );
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
