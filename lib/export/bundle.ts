import type { Disclosure } from "../domain/model";
import type { NameOf } from "../render/budget-tables";
import { budgetTablesCsv, indicatorsCsv, procurementCsv } from "./csv";
import { renderDatapackage } from "./datapackage";
import { renderDocx } from "./docx";
import { renderJson } from "./json";
import { renderPdf, type PdfPrinter } from "./pdf";
import { renderXlsx } from "./xlsx";
import { zipInMemory } from "./zip-writer";

/**
 * Every published format of one disclosure, rendered from one canonical JSON: what publishing
 * freezes, what the CLI and the year's zip write. One place says which formats exist, what each
 * file is called and what type it is served as.
 */

export const bundleFormats = [
  "pdf",
  "docx",
  "xlsx",
  "json",
  "csv-indicators",
  "csv-procurement",
  "csv-tables",
  "datapackage",
] as const;
export type BundleFormat = (typeof bundleFormats)[number];

export type BundleFile = { format: BundleFormat; fileName: string; contentType: string; bytes: Uint8Array };

const formatInfo: Record<BundleFormat, { suffix: string; contentType: string }> = {
  pdf: { suffix: ".pdf", contentType: "application/pdf" },
  docx: { suffix: ".docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  xlsx: { suffix: ".xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  json: { suffix: ".json", contentType: "application/json; charset=utf-8" },
  "csv-indicators": { suffix: "-indicators.csv", contentType: "text/csv; charset=utf-8" },
  "csv-procurement": { suffix: "-procurement.csv", contentType: "text/csv; charset=utf-8" },
  "csv-tables": { suffix: "-tables.csv", contentType: "text/csv; charset=utf-8" },
  datapackage: { suffix: "-datapackage.zip", contentType: "application/zip" },
};

/**
 * The names people ask for on the command line and in the export form: `csv` is both CSV files.
 * Returns null for a name that is not a format.
 */
export const FORMAT_CHOICES = ["pdf", "docx", "xlsx", "json", "csv", "datapackage"] as const;
export type FormatChoice = (typeof FORMAT_CHOICES)[number];

export function expandFormats(choices: ReadonlyArray<FormatChoice>): BundleFormat[] {
  const wanted = new Set(
    choices.flatMap((c): BundleFormat[] => (c === "csv" ? ["csv-indicators", "csv-procurement", "csv-tables"] : [c])),
  );
  return bundleFormats.filter((f) => wanted.has(f));
}

/** ASCII only, so the name survives every zip tool, URL and file system: `434-2020-r1`. */
export function fileStem(d: Pick<Disclosure, "department" | "fiscalYear">, revision?: number): string {
  const code = d.department.code.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "department";
  return `${code}-${d.fiscalYear}${revision ? `-r${revision}` : ""}`;
}

export function bundleFileName(
  d: Pick<Disclosure, "department" | "fiscalYear">,
  format: BundleFormat,
  revision?: number,
): string {
  return `${fileStem(d, revision)}${formatInfo[format].suffix}`;
}

export function contentTypeOf(format: BundleFormat): string {
  return formatInfo[format].contentType;
}

/** The Chinese name a download is saved under: the title, the revision, the part. Unsafe characters become `_`. */
export function downloadName(d: Pick<Disclosure, "title">, format: BundleFormat, revision?: number): string {
  const part: Partial<Record<BundleFormat, string>> = {
    "csv-indicators": "（绩效目标表）",
    "csv-procurement": "（政府采购预算）",
    "csv-tables": "（部门预算公开表）",
    datapackage: "（数据包）",
  };
  const title = d.title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "_").slice(0, 120);
  const extension = formatInfo[format].suffix.replace(/^.*\./, ".");
  return `${title}${revision ? `（第${revision}版）` : ""}${part[format] ?? ""}${extension}`;
}

export type BundleOptions = {
  /** Needed for the PDF; the caller owns it so a year's export reuses one browser. */
  printer?: PdfPrinter;
  revision?: number;
  /** Only these formats (default: all). */
  formats?: ReadonlyArray<BundleFormat>;
  /** The year's classification names for the budget tables' subtotal rows (else the disclosure's own). */
  nameOf?: NameOf;
  /** Last year's published disclosure, for the workbook's 上年 and 增减 columns (db/queries/previous-year.ts). */
  previous?: Disclosure | null;
};

/** Formats that exist only for some disclosures: the tables' CSV for one that has tables. */
export const applies = (d: Disclosure, format: BundleFormat) => format !== "csv-tables" || d.tables !== undefined;

async function render(d: Disclosure, format: BundleFormat, options: BundleOptions): Promise<Uint8Array> {
  switch (format) {
    case "pdf":
      if (!options.printer) throw new Error("renderBundle: a PdfPrinter is needed for the PDF");
      return renderPdf(d, { printer: options.printer, revision: options.revision, nameOf: options.nameOf });
    case "docx":
      return renderDocx(d, { nameOf: options.nameOf });
    case "xlsx":
      return renderXlsx(d, { nameOf: options.nameOf, previous: options.previous });
    case "json":
      return renderJson(d);
    case "csv-indicators":
      return indicatorsCsv(d);
    case "csv-procurement":
      return procurementCsv(d);
    case "csv-tables":
      return budgetTablesCsv(d, options.nameOf);
    case "datapackage":
      return zipInMemory(Object.entries(renderDatapackage(d, options.nameOf)));
  }
}

/**
 * Renders the formats of one disclosure, in the order of `bundleFormats`. The PDF is started first
 * so Chromium prints while this process builds the Word and Excel files.
 */
export async function renderBundle(d: Disclosure, options: BundleOptions = {}): Promise<BundleFile[]> {
  const formats = bundleFormats.filter((f) => (!options.formats || options.formats.includes(f)) && applies(d, f));
  const pending = formats.map(
    async (format): Promise<BundleFile> => ({
      format,
      fileName: bundleFileName(d, format, options.revision),
      contentType: contentTypeOf(format),
      bytes: await render(d, format, options),
    }),
  );
  return Promise.all(pending);
}
