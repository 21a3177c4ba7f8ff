import type { Disclosure } from "../domain/model";
import { indicatorsCsv, procurementCsv } from "./csv";
import { renderDatapackage } from "./datapackage";
import { renderDocx } from "./docx";
import { renderJson } from "./json";
import { renderXlsx } from "./xlsx";

/**
 * Every export of one disclosure, by format, for the bench (target: .docx under 300 ms per
 * disclosure) and for the year's zip, which must know what each format costs to show progress.
 */
export const exporters = {
  docx: (d: Disclosure) => renderDocx(d),
  xlsx: (d: Disclosure) => renderXlsx(d),
  json: async (d: Disclosure) => renderJson(d),
  csv: async (d: Disclosure) => [indicatorsCsv(d), procurementCsv(d)],
  datapackage: async (d: Disclosure) => renderDatapackage(d),
} as const;

export type ExportFormat = keyof typeof exporters;

export interface ExportTiming {
  format: ExportFormat;
  runs: number;
  meanMs: number;
  maxMs: number;
}

/** Times each exporter over `runs` runs after one warm-up run (module loading and JIT are not the export's cost). */
export async function timeExports(d: Disclosure, runs = 10): Promise<ExportTiming[]> {
  const timings: ExportTiming[] = [];
  for (const format of Object.keys(exporters) as ExportFormat[]) {
    await exporters[format](d);
    const samples: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const start = performance.now();
      await exporters[format](d);
      samples.push(performance.now() - start);
    }
    timings.push({ format, runs, meanMs: samples.reduce((a, b) => a + b, 0) / runs, maxMs: Math.max(...samples) });
  }
  return timings;
}
