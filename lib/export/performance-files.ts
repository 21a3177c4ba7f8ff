import { Document, Packer } from "docx";
import ExcelJS from "exceljs";
import { scoreProject } from "../domain/performance/scoring";
import type { SelfEvaluation } from "../domain/performance/shapes";
import { reviewMessages } from "../i18n/zh-CN/review";
import { performanceCycleMessages as pm } from "../i18n/zh-CN/performance-cycle";
import type { DocumentOutline, Table } from "../render/outline";
import { chineseNumber } from "../render/outline";
import { deterministicZip } from "./deterministic-zip";
import { documentStyles } from "./docx-styles";
import { wordSections } from "./docx";
import { pinPdf, printOutlineHtml, type PdfPrinter } from "./pdf";
import {
  EVALUATION_COLUMNS,
  EVALUATION_PROJECT_COLUMNS,
  evaluationCsv,
  evaluationProjects,
  evaluationProjectValues,
  evaluationRows,
  evaluationRowValues,
  type EvaluationProject,
  type EvaluationRow,
} from "./performance";
import { csvText } from "./csv";
import { addSheet } from "./xlsx";
import { xmlSafe } from "./xml-safe";
import { zipInMemory } from "./zip-writer";
import { EVALUATION_FILE, EVALUATION_FORMATS, evaluationFileName, type EvaluationFormat } from "./performance-formats";

/**
 * A published 自评's files (issue 17): Word and PDF in the official look of the disclosure's
 * (the same outline renderers), Excel with a sheet of projects and one of indicators, the JSON and
 * CSV of the portal, and a data package (datapackage.json describing the two CSVs). Rendered once,
 * at publication, from the content being published; stored and served byte for byte.
 */

/** What a published 自评 is rendered from: the report and the facts around it. */
export type EvaluationFacts = {
  departmentCode: string;
  departmentName: string;
  fiscalYear: number;
  publishedAt: Date;
  /** The report's score and grade as the server computed them (performance_reports). */
  score: string | null;
  grade: string | null;
  content: SelfEvaluation;
};

export type EvaluationFile = { format: EvaluationFormat; fileName: string; contentType: string; bytes: Uint8Array };

const gradeLabel = (grade: keyof typeof reviewMessages.grading.grades) => reviewMessages.grading.grades[grade];

type Scored = { rows: EvaluationRow[]; projects: EvaluationProject[] };

function scored(facts: EvaluationFacts): Scored {
  const scores = facts.content.projects.map(scoreProject);
  return {
    rows: evaluationRows(facts.content, scores),
    projects: evaluationProjects(facts.content, scores, gradeLabel),
  };
}

const dash = (value: string | null) => value ?? "—";

/** The document Word and PDF print: a summary, then each project's execution and its rows. */
export function evaluationOutline(
  facts: EvaluationFacts,
  { rows, projects }: Scored = scored(facts),
): DocumentOutline<string> {
  const m = pm.document;
  const table = (project: EvaluationProject, index: number): Table => ({
    id: `evaluation-${index + 1}`,
    columns: [
      // 分值/得分 hold "12.50" on one line; the reason takes what is left.
      { weight: 2.1, align: "center" },
      { weight: 2.3, align: "center" },
      { weight: 3.1 },
      { weight: 2.4, align: "center" },
      { weight: 2.3, align: "center" },
      { weight: 1.9, align: "right" },
      { weight: 1.9, align: "right" },
      { weight: 3.0 },
    ],
    rows: [
      { header: true, cells: m.headers.map((text) => ({ text })) },
      ...rows
        .filter((row) => row.project === project.project)
        .map((row) => ({
          cells: [
            row.level1,
            row.level2,
            row.indicator,
            row.target,
            row.applicable ? row.actual : m.notApplicable,
            dash(row.points),
            dash(row.score),
            row.deviationReason,
          ].map((text) => ({ text })),
        })),
    ],
  });
  return {
    title: `${facts.departmentName}${pm.portal.title(facts.fiscalYear)}`,
    preamble: `${m.summary(dash(facts.score), dash(facts.grade), projects.length)}${facts.content.note}`,
    sections: projects.map((project, i) => ({
      id: `evaluation-project-${i + 1}`,
      number: chineseNumber(i + 1),
      heading: `${chineseNumber(i + 1)}、${project.project}`,
      blocks: [
        {
          kind: "paragraph",
          indent: true,
          text: m.project({
            budget: dash(project.budget),
            executed: dash(project.executed),
            rate: project.executionRate === null ? "—" : `${project.executionRate}%`,
            executionScore: dash(project.executionScore),
            total: project.total,
            grade: project.grade,
          }),
        },
        { kind: "caption", text: m.caption(project.project) },
        { kind: "table", table: table(project, i) },
      ],
    })),
  };
}

async function renderDocx(outline: DocumentOutline<string>, facts: EvaluationFacts): Promise<Uint8Array> {
  const document = new Document({
    creator: xmlSafe(facts.departmentName),
    lastModifiedBy: xmlSafe(facts.departmentName),
    title: xmlSafe(outline.title),
    description: pm.portal.title(facts.fiscalYear),
    styles: documentStyles,
    evenAndOddHeaderAndFooters: true,
    sections: wordSections(outline),
  });
  return deterministicZip(new Uint8Array(await Packer.toBuffer(document)), { at: facts.publishedAt });
}

async function renderXlsx(facts: EvaluationFacts, { rows, projects }: Scored): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = facts.departmentName;
  workbook.lastModifiedBy = facts.departmentName;
  workbook.title = xmlSafe(`${facts.departmentName}${pm.portal.title(facts.fiscalYear)}`);
  workbook.created = facts.publishedAt;
  workbook.modified = facts.publishedAt;
  addSheet(workbook, {
    name: pm.portal.project,
    columns: [...EVALUATION_PROJECT_COLUMNS],
    rows: projects.map((project) => evaluationProjectValues(facts.content, project)),
  });
  addSheet(workbook, {
    name: pm.portal.indicator,
    columns: [...EVALUATION_COLUMNS],
    rows: rows.map((row) => evaluationRowValues(facts.content, row)),
  });
  const buffer = await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } } as Parameters<
    typeof workbook.xlsx.writeBuffer
  >[0]);
  return deterministicZip(new Uint8Array(buffer as ArrayBuffer), { at: facts.publishedAt });
}

function renderJson(facts: EvaluationFacts, { rows, projects }: Scored): Uint8Array {
  const body = {
    department: { code: facts.departmentCode, name: facts.departmentName },
    fiscalYear: facts.fiscalYear,
    publishedAt: facts.publishedAt.toISOString(),
    score: facts.score,
    grade: facts.grade,
    note: facts.content.note,
    projects,
    indicators: rows,
  };
  return new TextEncoder().encode(`${JSON.stringify(body, null, 2)}\n`);
}

const PACKAGE_CSV = { indicators: "performance.csv", projects: "projects.csv" } as const;

/** A Frictionless data package: the indicator rows (the performance resource) and the projects, described. */
function renderDatapackage(facts: EvaluationFacts, { rows, projects }: Scored): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const field = (c: (typeof EVALUATION_COLUMNS)[number]) => ({
    name: c.header,
    type: c.kind === "text" ? "string" : c.kind === "count" ? "integer" : "number",
  });
  const descriptor = {
    profile: "tabular-data-package",
    name: `self-evaluation-${facts.departmentCode}-${facts.fiscalYear}`.toLowerCase().replace(/[^a-z0-9._-]/g, "-"),
    title: `${facts.departmentName}${pm.portal.title(facts.fiscalYear)}`,
    created: facts.publishedAt.toISOString(),
    resources: [
      {
        name: "performance",
        path: PACKAGE_CSV.indicators,
        profile: "tabular-data-resource",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        title: pm.document.indicatorsResource,
        schema: { fields: EVALUATION_COLUMNS.map(field) },
      },
      {
        name: "projects",
        path: PACKAGE_CSV.projects,
        profile: "tabular-data-resource",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        title: pm.document.projectsResource,
        schema: { fields: EVALUATION_PROJECT_COLUMNS.map(field) },
      },
    ],
  };
  return zipInMemory(
    [
      ["datapackage.json", encoder.encode(`${JSON.stringify(descriptor, null, 2)}\n`)],
      // No byte-order mark: these CSVs are for programs, which read UTF-8 as declared.
      [
        PACKAGE_CSV.indicators,
        encoder.encode(
          csvText(
            [...EVALUATION_COLUMNS],
            rows.map((row) => evaluationRowValues(facts.content, row)),
            "programs",
          ),
        ),
      ],
      [
        PACKAGE_CSV.projects,
        encoder.encode(
          csvText(
            [...EVALUATION_PROJECT_COLUMNS],
            projects.map((project) => evaluationProjectValues(facts.content, project)),
            "programs",
          ),
        ),
      ],
    ],
    { at: facts.publishedAt },
  );
}

/**
 * Every file of a published 自评, in EVALUATION_FORMATS order; the PDF only with a printer whose
 * Chromium is installed (as a disclosure's: without it, every other format).
 */
export async function renderEvaluationFiles(
  facts: EvaluationFacts,
  options: { printer?: PdfPrinter | null } = {},
): Promise<EvaluationFile[]> {
  const data = scored(facts);
  const outline = evaluationOutline(facts, data);
  const printer = options.printer?.available ? options.printer : null;
  const render = async (format: EvaluationFormat): Promise<Uint8Array | null> => {
    switch (format) {
      case "pdf":
        return printer ? pinPdf(await printer.print(printOutlineHtml(outline)), facts.publishedAt) : null;
      case "docx":
        return renderDocx(outline, facts);
      case "xlsx":
        return renderXlsx(facts, data);
      case "json":
        return renderJson(facts, data);
      case "csv":
        return evaluationCsv(facts.content, data.rows);
      case "datapackage":
        return renderDatapackage(facts, data);
    }
  };
  const files = await Promise.all(
    EVALUATION_FORMATS.map(async (format) => {
      const bytes = await render(format);
      return bytes
        ? [
            {
              format,
              fileName: evaluationFileName(facts, format),
              contentType: EVALUATION_FILE[format].contentType,
              bytes,
            },
          ]
        : [];
    }),
  );
  return files.flat();
}
