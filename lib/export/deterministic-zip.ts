import JSZip from "jszip";

/**
 * Published files are checksummed, so the same disclosure must give the same bytes. Word and
 * Excel packages carry the time they were written twice: in each zip entry's header and in
 * docProps/core.xml. Both are pinned here; everything else the libraries write is already a
 * function of the content.
 */

/** The moment every package claims to be written at unless the caller names one. */
export const FIXED_TIMESTAMP = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

export type PartRewrite = (path: string, xml: string) => string;

function pinCoreDates(xml: string, at: Date): string {
  const iso = at.toISOString().replace(/\.\d{3}Z$/, "Z");
  return xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`);
}

export async function deterministicZip(bytes: Uint8Array, options: { at?: Date; rewrite?: PartRewrite } = {}): Promise<Uint8Array> {
  const at = options.at ?? FIXED_TIMESTAMP;
  const source = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  // [Content_Types].xml first: the OPC convention, and some readers sniff for it there.
  const names = Object.keys(source.files)
    .filter((name) => !source.files[name].dir)
    .sort((a, b) => Number(b === "[Content_Types].xml") - Number(a === "[Content_Types].xml"));
  for (const name of names) {
    const entry = source.file(name);
    if (!entry) continue;
    if (name.endsWith(".xml") || name.endsWith(".rels")) {
      let xml = await entry.async("string");
      if (name === "docProps/core.xml") xml = pinCoreDates(xml, at);
      if (options.rewrite) xml = options.rewrite(name, xml);
      out.file(name, xml, { date: at, createFolders: false });
    } else {
      out.file(name, await entry.async("uint8array"), { date: at, createFolders: false, binary: true });
    }
  }
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "DOS" });
}
