import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { zipInMemory } from "../export/zip-writer";
import { inflateZipEntry, readZipDirectory, ZipProblem } from "./read-zip";

const encode = (text: string) => new TextEncoder().encode(text);

async function jszip(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const problemOf = (read: () => unknown): ZipProblem["kind"] | "none" => {
  try {
    read();
    return "none";
  } catch (error) {
    if (error instanceof ZipProblem) return error.kind;
    throw error;
  }
};

describe("reading a zip", () => {
  it("gives back every entry exactly, from our writer and from JSZip (the libraries' writer)", async () => {
    for (const bytes of [
      await zipInMemory([
        ["目录/说明.txt", encode("预算".repeat(500))],
        ["empty", new Uint8Array()],
      ]),
      await jszip({ "目录/说明.txt": "预算".repeat(500), empty: "" }),
    ]) {
      const entries = readZipDirectory(bytes).filter((e) => !e.name.endsWith("/"));
      expect(entries.map((e) => e.name)).toEqual(["目录/说明.txt", "empty"]);
      expect(new TextDecoder().decode(inflateZipEntry(bytes, entries[0]))).toBe("预算".repeat(500));
      expect(inflateZipEntry(bytes, entries[1]).byteLength).toBe(0);
    }
  });

  it("calls a cut-off or garbled archive broken, and too many entries or a lying size a bomb", async () => {
    const bytes = await jszip({ "a.xml": "<a/>".repeat(1000), "b.xml": "<b/>" });
    expect(problemOf(() => readZipDirectory(bytes.subarray(0, bytes.length - 30)))).toBe("broken");
    expect(problemOf(() => readZipDirectory(encode("PK\u0003\u0004 not a zip at all, just text")))).toBe("broken");
    expect(problemOf(() => readZipDirectory(bytes, { maxEntries: 1 }))).toBe("bomb");
    const [first] = readZipDirectory(bytes);
    expect(problemOf(() => inflateZipEntry(bytes, { ...first, size: 10 }))).toBe("bomb");
    expect(problemOf(() => inflateZipEntry(bytes, { ...first, size: first.size + 10 }))).toBe("broken");
  });
});
