import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { createDb, optionsFromEnv } from "../../../db/client";
import { publishedYearSource } from "../../../db/queries/portal";
import { expandFormats, FORMAT_CHOICES, renderBundle, type FormatChoice } from "../../export/bundle";
import { PdfPrinter } from "../../export/pdf";
import { writeYearZip } from "../../export/zip-year";
import { CliError, EXIT_OK, type CliCommand, type CliIo } from "./command";
import { parseOptions } from "./options";
import { readDisclosureFile } from "./read-disclosure";
import { shippedCatalogue } from "../../../db/seed/classification";

/**
 * `export FILE --out DIR [--format pdf,docx,…]`: one disclosure (text, Word or JSON) rendered to
 * each format in DIR. `export --year Y --out FILE.zip [--format …]`: every disclosure published
 * in year Y (the database of DATABASE_URL or PGLITE_DIR), every format, one zip as the admin's
 * 年度导出 writes it — published files byte for byte as stored.
 */

/** `--format pdf,docx --format csv`: the formats named, each checked; all of them when none is. */
export function parseFormats(values: ReadonlyArray<string | boolean> | undefined): FormatChoice[] {
  const names = (values ?? [])
    .flatMap((v) => String(v).split(","))
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 0) return [...FORMAT_CHOICES];
  const unknown = names.filter((n) => !(FORMAT_CHOICES as readonly string[]).includes(n));
  if (unknown.length)
    throw new CliError(`export：未知格式 ${unknown.join("、")}（可用：${FORMAT_CHOICES.join("、")}）`);
  return [...new Set(names)] as FormatChoice[];
}

async function exportFile(file: string, formats: FormatChoice[], out: string, io: CliIo): Promise<void> {
  const { disclosure } = await readDisclosureFile(file, io);
  const wanted = expandFormats(formats);
  const printer = wanted.includes("pdf") ? new PdfPrinter() : undefined;
  try {
    // No database here: the subtotal rows of the tables are named from the shipped catalogue.
    const nameOf = shippedCatalogue(disclosure.fiscalYear)?.nameOf;
    const files = await renderBundle(disclosure, { formats: wanted, printer, nameOf });
    const dir = path.resolve(io.cwd, out);
    mkdirSync(dir, { recursive: true });
    for (const f of files) {
      writeFileSync(path.join(dir, f.fileName), f.bytes);
      io.out(path.join(dir, f.fileName));
    }
  } finally {
    await printer?.close();
  }
}

async function exportYear(year: number, formats: FormatChoice[], out: string, io: CliIo): Promise<void> {
  const handle = createDb(optionsFromEnv());
  const wanted = expandFormats(formats);
  const printer = wanted.includes("pdf") ? new PdfPrinter() : undefined;
  try {
    const source = await publishedYearSource(handle.db, year);
    if (source.total === 0) throw new CliError(`export：${year}年度没有已公开的信息公开`);
    const target = path.resolve(io.cwd, out);
    mkdirSync(path.dirname(target), { recursive: true });
    const stream = createWriteStream(target);
    const result = await writeYearZip(
      source.items,
      async (chunk) => {
        if (!stream.write(chunk)) await once(stream, "drain");
      },
      {
        formats: wanted,
        total: source.total,
        printer,
        onProgress: (p) => {
          if (p.current) io.err(`[${p.done + 1}/${p.total}] ${p.current}`);
        },
      },
    );
    stream.end();
    await once(stream, "finish");
    io.out(target);
    io.err(
      `完成：${result.done} 个部门，${result.files} 个文件，${((result.archiveBytes ?? 0) / 1048576).toFixed(1)} MB`,
    );
  } finally {
    await printer?.close();
    await handle.close();
  }
}

export const exportCommand: CliCommand = {
  name: "export",
  usage: "export FILE|--year Y --out PATH [--format …]",
  summary: "导出 PDF、Word、Excel、JSON、CSV、财政数据包；--year 把该年度全部已公开的打包为 zip",
  async run(args, io) {
    const { values, positionals } = parseOptions("export", args, {
      year: { type: "string" },
      format: { type: "string", multiple: true },
      out: { type: "string" },
    });
    const formats = parseFormats(values.format as string[] | undefined);
    const out = values.out as string | undefined;
    if (!out) throw new CliError("export：缺少 --out（单个文件：输出目录；--year：zip 文件名）");
    if (values.year !== undefined) {
      if (positionals.length) throw new CliError("export：--year 与文件名只能二选一");
      const year = Number(values.year);
      if (!Number.isInteger(year) || year < 1990 || year > 2200) throw new CliError(`export：年度“${values.year}”无效`);
      await exportYear(year, formats, out, io);
      return EXIT_OK;
    }
    if (positionals.length !== 1) throw new CliError("export：请给一个文件名，或用 --year 导出整个年度");
    await exportFile(positionals[0], formats, out, io);
    return EXIT_OK;
  },
};
