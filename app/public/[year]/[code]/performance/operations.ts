import { z } from "zod";
import { gradeLabel } from "@/db/queries/performance-judge";
import { publishedSelfEvaluation } from "@/db/queries/performance-reports";
import { scoreProject } from "@/lib/domain/performance/scoring";
import { NotFoundError } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/export/attachment";
import { evaluationCsv, evaluationProjects, evaluationRows } from "@/lib/export/performance";
import { performanceCycleMessages as pm } from "@/lib/i18n/zh-CN/performance-cycle";
import { defineOperation } from "@/app/_server/operation";

/**
 * A published 自评 as a file: JSON (the report with each row's and project's score) or CSV (one
 * row per indicator: target, unit, direction, actual, points, score). Public, as the portal is;
 * rendered from the stored report, whose published content no longer changes.
 */
export const evaluationFiles = ["self-evaluation.json", "self-evaluation.csv"] as const;

export const evaluationFileOperation = defineOperation({
  name: "portal.performance-file",
  kind: "route",
  route: { method: "GET", path: "/public/[year]/[code]/performance/[file]" },
  access: { kind: "public" },
  input: z.object({
    year: z.coerce.number().int().min(1990).max(2200),
    code: z.string().min(1).max(40),
    file: z.enum(evaluationFiles),
  }),
  policy: () => true,
  run: async ({ db }, input) => {
    const found = await publishedSelfEvaluation(db, input.year, input.code);
    if (!found) throw new NotFoundError(pm.things.report);
    const scores = found.content.projects.map(scoreProject);
    const rows = evaluationRows(found.content, scores);
    const name = `${found.departmentName}${input.year}年度绩效自评`;
    const [bytes, type, ext] =
      input.file === "self-evaluation.csv"
        ? [evaluationCsv(found.content, rows), "text/csv; charset=utf-8", "csv"]
        : [
            new TextEncoder().encode(
              `${JSON.stringify(
                {
                  department: { code: input.code, name: found.departmentName },
                  fiscalYear: input.year,
                  publishedAt: found.publishedAt.toISOString(),
                  score: found.score,
                  grade: found.grade,
                  note: found.content.note,
                  projects: evaluationProjects(found.content, scores, gradeLabel),
                  indicators: rows,
                },
                null,
                2,
              )}\n`,
            ),
            "application/json; charset=utf-8",
            "json",
          ];
    return new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        "content-type": type,
        "content-disposition": attachmentDisposition(`${input.code}-${input.year}-${input.file}`, `${name}.${ext}`),
        "x-content-type-options": "nosniff",
      },
    });
  },
});
