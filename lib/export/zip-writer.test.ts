import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { ZipWriter, zipInMemory } from "./zip-writer";

const dir = mkdtempSync(path.join(tmpdir(), "budget-zip-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const encode = (text: string) => new TextEncoder().encode(text);
const entries: Array<[string, Uint8Array]> = [
  ["2020/434-三河市人民政府办公室/434-2020-r1.json", encode(`{"名称":"${"预算".repeat(2000)}"}\n`)],
  ["2020/434-三河市人民政府办公室/434-2020-r1.pdf", encode("%PDF-1.4 not really compressed")],
  ["empty.txt", new Uint8Array()],
];

describe("ZipWriter", () => {
  it("writes an archive other tools read back exactly, UTF-8 names included", async () => {
    const bytes = await zipInMemory(entries);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(entries.map(([name]) => name));
    for (const [name, data] of entries)
      expect(Buffer.from(await zip.file(name)!.async("uint8array")).equals(Buffer.from(data))).toBe(true);
    // Python's zipfile checks every CRC and header independently of our code and of JSZip.
    const file = path.join(dir, "check.zip");
    writeFileSync(file, bytes);
    const report = execFileSync(
      "python3",
      [
        "-c",
        "import sys,zipfile;z=zipfile.ZipFile(sys.argv[1]);print(z.testzip());print('\\n'.join(f'{i.filename}|{i.compress_type}|{i.flag_bits & 0x800}' for i in z.infolist()))",
        file,
      ],
      { encoding: "utf8" },
    );
    expect(report.trim().split("\n")).toEqual([
      "None",
      `${entries[0][0]}|8|2048`,
      `${entries[1][0]}|0|2048`,
      "empty.txt|0|2048",
    ]);
  });

  it("compresses text and stores what is compressed already", async () => {
    const bytes = await zipInMemory(entries.slice(0, 1));
    expect(bytes.byteLength).toBeLessThan(entries[0][1].byteLength / 10);
  });

  it("gives the same bytes for the same files, and streams them as they are added", async () => {
    expect(Buffer.from(await zipInMemory(entries)).equals(Buffer.from(await zipInMemory(entries)))).toBe(true);
    const seen: number[] = [];
    const writer = new ZipWriter((chunk) => void seen.push(chunk.byteLength));
    await writer.add(entries[1][0], entries[1][1]);
    // The entry is already out before the archive is finished: nothing waits in memory.
    expect(seen.reduce((a, b) => a + b, 0)).toBeGreaterThan(entries[1][1].byteLength);
    await expect(writer.add(entries[1][0], entries[1][1])).rejects.toThrow(/duplicate/);
  });
});
