/**
 * The files of a published 自评 (rendered by ./performance-files.ts), by format: where each is on
 * the portal and what it is. Kept apart from the renderers so a page that lists the files does not
 * load Word, Excel and Chromium.
 */

import { performanceCycleMessages as pm } from "../i18n/zh-CN/performance-cycle";

export const EVALUATION_FORMATS = ["pdf", "docx", "xlsx", "json", "csv", "datapackage"] as const;
export type EvaluationFormat = (typeof EVALUATION_FORMATS)[number];

/** The last path segment of each file on the portal (`/public/2020/434/performance/self-evaluation.docx`). */
export const EVALUATION_FILE: Record<EvaluationFormat, { path: string; ext: string; contentType: string }> = {
  pdf: { path: "self-evaluation.pdf", ext: "pdf", contentType: "application/pdf" },
  docx: {
    path: "self-evaluation.docx",
    ext: "docx",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  },
  xlsx: {
    path: "self-evaluation.xlsx",
    ext: "xlsx",
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  },
  json: { path: "self-evaluation.json", ext: "json", contentType: "application/json; charset=utf-8" },
  csv: { path: "self-evaluation.csv", ext: "csv", contentType: "text/csv; charset=utf-8" },
  datapackage: { path: "self-evaluation-datapackage.zip", ext: "zip", contentType: "application/zip" },
};

export const evaluationFormatOfPath = (path: string): EvaluationFormat | undefined =>
  EVALUATION_FORMATS.find((f) => EVALUATION_FILE[f].path === path);

/** The file's name as a person saves it (`三河市人民政府办公室2020年度绩效自评结果.docx`). */
export const evaluationFileName = (facts: { departmentName: string; fiscalYear: number }, format: EvaluationFormat) =>
  `${facts.departmentName}${pm.portal.title(facts.fiscalYear)}${format === "datapackage" ? pm.document.dataPackage : ""}.${EVALUATION_FILE[format].ext}`;
