import { createHash } from "node:crypto";
import type { Disclosure } from "../domain/model";
import { renderBundle, type BundleFile, type BundleFormat } from "./bundle";
import { csvText } from "./csv";
import type { PdfPrinter } from "./pdf";
import type { SheetColumn } from "./sheet-tables";
import { ZipWriter, type ZipSink } from "./zip-writer";

/**
 * A whole year in one zip: every disclosure given, every format asked for, one folder per
 * department and a manifest with each file's SHA-256. Disclosures are taken one at a time from an
 * async source (the database, or a folder of files) and their files written straight into the
 * archive, so memory stays flat however many departments the year has. Published files are
 * written as stored (byte for byte what the portal serves); a format not stored is rendered.
 */

export type YearItem = {
  disclosure: Disclosure;
  /** The published revision, for file names; absent for a disclosure read from a file. */
  revision?: number;
  /** Files already rendered for this disclosure (a published snapshot's). */
  stored?: ReadonlyArray<BundleFile>;
};

export type YearProgress = {
  done: number;
  total: number;
  /** The department being written, for the progress line. */
  current: string | null;
  files: number;
  /** Bytes of the files written so far. */
  bytes: number;
  /** The archive's size, once finished. */
  archiveBytes?: number;
};

export type YearZipOptions = {
  formats: ReadonlyArray<BundleFormat>;
  /** How many disclosures the source will give, for the progress. */
  total: number;
  printer?: PdfPrinter;
  onProgress?: (progress: YearProgress) => void;
  /** Disclosures prepared at once while the archive is written in order (default: the printer's pages + 1). */
  concurrency?: number;
};

const manifestColumns: SheetColumn[] = [
  { header: "部门编码", kind: "text", width: 0 },
  { header: "部门名称", kind: "text", width: 0 },
  { header: "预算年度", kind: "count", width: 0 },
  { header: "版次", kind: "count", width: 0 },
  { header: "格式", kind: "text", width: 0 },
  { header: "文件", kind: "text", width: 0 },
  { header: "字节数", kind: "count", width: 0 },
  { header: "SHA-256", kind: "text", width: 0 },
  { header: "来源", kind: "text", width: 0 },
];

async function filesOf(
  item: YearItem,
  options: YearZipOptions,
): Promise<Array<BundleFile & { source: "stored" | "rendered" }>> {
  const stored = new Map((item.stored ?? []).map((f) => [f.format, f]));
  const missing = options.formats.filter((f) => !stored.has(f));
  const rendered = missing.length
    ? await renderBundle(item.disclosure, { formats: missing, printer: options.printer, revision: item.revision })
    : [];
  const byFormat = new Map(rendered.map((f) => [f.format, f]));
  // A format that does not apply to this disclosure (the tables' CSV of one without tables) has no file.
  return options.formats.flatMap((format): Array<BundleFile & { source: "stored" | "rendered" }> => {
    const kept = stored.get(format);
    if (kept) return [{ ...kept, source: "stored" as const }];
    const made = byFormat.get(format);
    return made ? [{ ...made, source: "rendered" as const }] : [];
  });
}

/** The folder of one department inside the archive: ASCII code first, so it sorts; the name for people. */
const folderOf = (d: Disclosure) =>
  `${d.department.code || "department"}-${d.department.name}`.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "_");

export async function writeYearZip(
  source: AsyncIterable<YearItem> | Iterable<YearItem>,
  sink: ZipSink,
  options: YearZipOptions,
): Promise<YearProgress> {
  const zip = new ZipWriter(sink);
  const manifest: Array<Array<string | number>> = [];
  const progress: YearProgress = { done: 0, total: options.total, current: null, files: 0, bytes: 0 };
  // One disclosure more than Chromium prints at once: while the oldest is written and its Word and
  // Excel files built here, the printer already has the next ones.
  const concurrency = Math.max(
    1,
    options.concurrency ?? (options.printer && options.formats.includes("pdf") ? options.printer.concurrency + 1 : 2),
  );
  // A small window of disclosures being rendered; written strictly in source order.
  const window: Array<{ item: YearItem; files: ReturnType<typeof filesOf> }> = [];
  const writeOldest = async () => {
    const { item, files } = window.shift()!;
    const d = item.disclosure;
    progress.current = `${d.department.code} ${d.department.name}`;
    options.onProgress?.({ ...progress });
    for (const file of await files) {
      const path = `${d.fiscalYear}/${folderOf(d)}/${file.fileName}`;
      await zip.add(path, file.bytes);
      const sha256 = createHash("sha256").update(file.bytes).digest("hex");
      manifest.push([
        d.department.code,
        d.department.name,
        d.fiscalYear,
        item.revision ?? "",
        file.format,
        path,
        file.bytes.byteLength,
        sha256,
        file.source === "stored" ? "公开文件" : "重新生成",
      ]);
      progress.files += 1;
      progress.bytes += file.bytes.byteLength;
    }
    progress.done += 1;
    options.onProgress?.({ ...progress, current: null });
  };
  try {
    for await (const item of source) {
      const files = filesOf(item, options);
      // Rejections are awaited in order below; this keeps a failure from going unhandled meanwhile.
      files.catch(() => undefined);
      window.push({ item, files });
      if (window.length >= concurrency) await writeOldest();
    }
    while (window.length > 0) await writeOldest();
  } finally {
    // Let anything still rendering finish before the caller closes the printer.
    await Promise.allSettled(window.map((w) => w.files));
  }
  const text = csvText(manifestColumns, manifest);
  await zip.add("manifest.csv", new TextEncoder().encode(`\ufeff${text}`));
  progress.archiveBytes = await zip.finish();
  progress.current = null;
  options.onProgress?.({ ...progress });
  return progress;
}
