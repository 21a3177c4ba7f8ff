import { and, asc, desc, eq, lt, lte, ne, or, sql } from "drizzle-orm";
import type { Indicator, Target } from "@/lib/domain/model";
import { type SpreadLine, type SpreadSource, targetSpreads, yearSpreadLines } from "@/lib/rules/target-spread";
import type { Db } from "../client";
import { disclosures, indicators, projectFunds } from "../schema/disclosures";
import { indicatorLibrary } from "../schema/library";
import { departments } from "../schema/organisation";

/**
 * How the other departments set the library's common indicators this year and in the years before
 * (issue 16, "Comparison"): the lowest, median and highest 指标值 of each, and how many departments
 * wrote it. Read from each department's latest revision of each year in whatever state (only the
 * figures leave here, never who wrote them), less the asking department's rows of this year: they
 * are what is compared (its earlier years count with the others').
 * One query for the rows and one for the library's names; no disclosure is assembled.
 */
export async function yearTargetSpread(
  db: Db,
  fiscalYear: number,
  exceptDepartmentCode: string,
): Promise<Record<string, SpreadLine>> {
  const latest = db
    .selectDistinctOn([disclosures.departmentId, disclosures.fiscalYear], {
      id: disclosures.id,
      departmentId: disclosures.departmentId,
      fiscalYear: disclosures.fiscalYear,
    })
    .from(disclosures)
    .where(lte(disclosures.fiscalYear, fiscalYear))
    .orderBy(disclosures.departmentId, disclosures.fiscalYear, desc(disclosures.revision))
    .as("latest");
  const names = await db
    .selectDistinct({ name: indicatorLibrary.name })
    .from(indicatorLibrary)
    .where(eq(indicatorLibrary.active, true));
  if (names.length === 0) return {};
  const rows = await db
    .select({
      fiscalYear: latest.fiscalYear,
      code: departments.code,
      departmentName: departments.name,
      projectId: projectFunds.id,
      project: projectFunds.name,
      name: indicators.name,
      targetRaw: indicators.targetRaw,
      target: indicators.target,
    })
    .from(indicators)
    .innerJoin(projectFunds, eq(projectFunds.id, indicators.projectId))
    .innerJoin(latest, eq(latest.id, projectFunds.disclosureId))
    .innerJoin(departments, eq(departments.id, latest.departmentId))
    .where(
      and(
        // This year's own rows are what is compared; its earlier years are part of the history.
        or(ne(departments.code, exceptDepartmentCode), lt(latest.fiscalYear, fiscalYear)),
        // Only numbers are compared: text targets are left out before they leave the database.
        sql`${indicators.target} ->> 'kind' = 'quantitative'`,
      ),
    )
    .orderBy(asc(latest.fiscalYear), asc(departments.code), asc(projectFunds.position), asc(indicators.position));
  // The library's names are matched as the rules match names (a trailing （%） and width aside).
  const spreads = targetSpreads(toSources(rows), { names: names.map((n) => n.name) });
  return yearSpreadLines(spreads, fiscalYear);
}

type Row = {
  fiscalYear: number;
  code: string;
  departmentName: string;
  projectId: string;
  project: string;
  name: string;
  targetRaw: string;
  target: unknown;
};

/** The rows, in order, as one source per department and year with its projects: what targetSpreads reads. */
function toSources(rows: ReadonlyArray<Row>): SpreadSource[] {
  type Project = { name: string; indicators: Array<Pick<Indicator, "name" | "target">> };
  const out: Array<Omit<SpreadSource, "performance"> & { performance: { projects: Project[] } }> = [];
  let projectId = "";
  for (const r of rows) {
    let source = out.at(-1);
    if (!source || source.department.code !== r.code || source.fiscalYear !== r.fiscalYear) {
      source = {
        fiscalYear: r.fiscalYear,
        department: { code: r.code, name: r.departmentName },
        performance: { projects: [] },
      };
      out.push(source);
    }
    if (r.projectId !== projectId) {
      source.performance.projects.push({ name: r.project, indicators: [] });
      projectId = r.projectId;
    }
    source.performance.projects.at(-1)!.indicators.push({
      name: r.name,
      target: { ...(r.target as object), raw: r.targetRaw } as Target,
    });
  }
  return out;
}
