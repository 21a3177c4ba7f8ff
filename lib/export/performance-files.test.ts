import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { performanceDemo } from "../../db/seed/performance-demo";
import { sanhe2020WithTables } from "../domain/__fixtures__/sanhe-2020-tables";
import { judgeReport } from "../../db/queries/performance-judge";
import { scoreProject } from "../domain/performance/scoring";
import { reviewMessages } from "../i18n/zh-CN/review";
import { parseCsv } from "./csv";
import { readZipEntries } from "./deterministic-zip";
import { docxToDisclosureText } from "./docx-read";
import { EVALUATION_COLUMNS, EVALUATION_PROJECT_COLUMNS, evaluationProjects, evaluationRows } from "./performance";
import { evaluationOutline, renderEvaluationFiles, type EvaluationFacts } from "./performance-files";
import { EVALUATION_FILE, evaluationFileName } from "./performance-formats";
import { readXlsxTables } from "./xlsx";

/**
 * A published 自评's files, read back with the tools a reader would use: the Word text, the Excel
 * cells, the data package's descriptor and CSVs. The demo's 自评 of the fixture's 2020 targets (amounts from its 项目支出表, as the demo publishes them).
 */

const content = performanceDemo(sanhe2020WithTables()).selfEvaluation;
const scores = content.projects.map(scoreProject);
const judged = judgeReport("self_evaluation", content);
const facts: EvaluationFacts = {
  departmentCode: "434",
  departmentName: "三河市人民政府办公室",
  fiscalYear: 2020,
  publishedAt: new Date("2021-05-20T02:00:00Z"),
  score: judged.score,
  grade: judged.grade,
  content,
};
const rows = evaluationRows(content, scores);
const projects = evaluationProjects(content, scores, (g) => reviewMessages.grading.grades[g]);
const files = await renderEvaluationFiles(facts);
const bytesOf = (format: string) => {
  const found = files.find((f) => f.format === format);
  if (!found) throw new Error(`no ${format}`);
  return found.bytes;
};

describe("a published 自评's files", () => {
  it("are every format but the PDF without a printer, each named for people", () => {
    expect(files.map((f) => f.format)).toEqual(["docx", "xlsx", "json", "csv", "datapackage"]);
    expect(files.find((f) => f.format === "docx")!.fileName).toBe("三河市人民政府办公室2020年度绩效自评结果.docx");
    expect(evaluationFileName(facts, "datapackage")).toBe("三河市人民政府办公室2020年度绩效自评结果（数据包）.zip");
    for (const f of files) expect(f.contentType).toBe(EVALUATION_FILE[f.format].contentType);
  });

  it("give the same bytes for the same 自评 (the checksum a reader checks holds)", async () => {
    const again = await renderEvaluationFiles(facts);
    for (const f of files) expect(Buffer.compare(again.find((g) => g.format === f.format)!.bytes, f.bytes)).toBe(0);
  });

  it("Word: the title, the score and grade, each project's execution and every row's target, actual and score", async () => {
    const text = await docxToDisclosureText(bytesOf("docx"));
    expect(text).toContain("三河市人民政府办公室2020年度绩效自评结果");
    expect(text).toContain(`总分${facts.score}分，等级${facts.grade}。共${content.projects.length}个项目`);
    expect(text).toContain(content.note);
    const index = projects.findIndex((p) => p.budget !== null && p.executed !== null);
    const first = projects[index];
    expect(text).toContain(`${["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"][index]}、${first.project}`);
    expect(text).toContain(`全年预算数${first.budget}万元，执行数${first.executed}万元，执行率${first.executionRate}%`);
    expect(text).toContain(`${first.project}绩效自评表`);
    for (const row of rows.filter((r) => r.project === first.project)) {
      expect(text).toContain(row.indicator);
      if (row.score) expect(text).toContain(row.score);
    }
    // The row that did not apply this year says so instead of a value.
    expect(rows.some((r) => !r.applicable)).toBe(true);
    expect(text).toContain("不适用");
  });

  it("the outline gives each project a section with its table of eight columns", () => {
    const outline = evaluationOutline(facts);
    expect(outline.sections.map((s) => s.heading)).toEqual(
      projects.map(
        (p, i) =>
          `${["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四"][i]}、${p.project}`,
      ),
    );
    const table = outline.sections[0].blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" && table.table.rows[0].cells.map((c) => c.text)).toEqual([
      "一级指标",
      "二级指标",
      "三级指标",
      "目标值",
      "实际完成值",
      "分值",
      "得分",
      "偏差原因及改进措施",
    ]);
  });

  it("Excel: a sheet of projects and one of indicators, figures as the server scored them", async () => {
    const sheets = await readXlsxTables(bytesOf("xlsx"));
    expect(Object.keys(sheets)).toEqual(["项目", "指标"]);
    expect(sheets.项目[0]).toEqual(EVALUATION_PROJECT_COLUMNS.map((c) => c.header));
    // Scores are numbers in the sheet (General format: 90.00 shows as 90), equal to the server's.
    const same = (cell: string, value: string | null) => (value === null ? cell === "" : new Decimal(cell).eq(value));
    expect(sheets.项目.slice(1).map((r) => r[2])).toEqual(projects.map((p) => p.project));
    projects.forEach((p, i) => {
      expect(same(sheets.项目[i + 1][8], p.total)).toBe(true);
      expect(sheets.项目[i + 1][9]).toBe(p.grade);
    });
    expect(sheets.指标[0]).toEqual(EVALUATION_COLUMNS.map((c) => c.header));
    expect(sheets.指标).toHaveLength(rows.length + 1);
    const scored = rows.findIndex((r) => r.score !== null);
    expect(sheets.指标[scored + 1][5]).toBe(rows[scored].indicator);
    expect(same(sheets.指标[scored + 1][11], rows[scored].score)).toBe(true);
  });

  it("data package: a descriptor naming the performance resource and its fields, and the CSVs it describes", () => {
    const entries = new Map(readZipEntries(bytesOf("datapackage")));
    expect([...entries.keys()]).toEqual(["datapackage.json", "performance.csv", "projects.csv"]);
    const descriptor = JSON.parse(new TextDecoder().decode(entries.get("datapackage.json")));
    expect(descriptor.name).toBe("self-evaluation-434-2020");
    expect(descriptor.resources.map((r: { name: string }) => r.name)).toEqual(["performance", "projects"]);
    const fields = descriptor.resources[0].schema.fields.map((f: { name: string }) => f.name);
    expect(fields).toEqual([
      "部门编码",
      "预算年度",
      "项目",
      "一级指标",
      "二级指标",
      "三级指标",
      "目标值",
      "度量单位",
      "指标方向",
      "实际完成值",
      "分值",
      "得分",
      "计算",
      "偏差原因及改进措施",
    ]);
    const csv = parseCsv(new TextDecoder().decode(entries.get("performance.csv")));
    expect(csv[0]).toEqual(fields);
    expect(csv.length - 1).toBe(rows.length);
    const projectsCsv = parseCsv(new TextDecoder().decode(entries.get("projects.csv")));
    expect(projectsCsv.slice(1).map((r) => r[8])).toEqual(projects.map((p) => p.total));
  });

  it("JSON: the report's score and grade, its projects and rows", () => {
    const json = JSON.parse(new TextDecoder().decode(bytesOf("json")));
    expect(json).toMatchObject({
      department: { code: "434", name: "三河市人民政府办公室" },
      fiscalYear: 2020,
      publishedAt: "2021-05-20T02:00:00.000Z",
      score: facts.score,
      grade: facts.grade,
    });
    expect(json.indicators).toHaveLength(rows.length);
    expect(json.projects).toEqual(projects);
  });
});
