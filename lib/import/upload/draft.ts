import { carryForward, frameworkMoves, toFramework } from "../../domain/carry-forward";
import type { IndicatorFramework } from "../../domain/frameworks";
import { rowLimitProblem } from "../../domain/limits";
import { emptyDisclosure, type Department, type Disclosure, type OrgUnit, type ProjectFund } from "../../domain/model";
import { importMessages } from "../../i18n/zh-CN/import";
import type { UploadReading } from "./read-upload";
import { UploadRefused } from "./sniff";

/**
 * The content a new year's draft starts with, in each of the three ways a year can start. The
 * draft always belongs to the department and year it is started for, whatever a file says; the
 * preview tells the clerk where the two differ.
 */

export type DraftTarget = {
  department: Department;
  fiscalYear: number;
  framework: IndicatorFramework;
  orgUnits: ReadonlyArray<OrgUnit>;
};

/** Empty: only the department, its current units and the year's framework. */
export function emptyDraft(target: DraftTarget): Disclosure {
  return {
    ...emptyDisclosure(target.department, target.fiscalYear, target.framework.id),
    orgUnits: target.orgUnits.map((u) => ({ ...u })),
  };
}

/** From last year's disclosure: texts, projects and indicators; its figures as the prior-year column. */
export function draftFromLastYear(prior: Disclosure, target: DraftTarget): Disclosure {
  if (prior.fiscalYear > target.fiscalYear)
    throw new UploadRefused(importMessages.refused.laterYear(prior.fiscalYear, target.fiscalYear));
  if (prior.fiscalYear === target.fiscalYear) return sameYear(prior, target);
  return { ...carryForward(prior, target.fiscalYear, target.framework), department: { ...target.department } };
}

/**
 * From an uploaded file: a disclosure as last year's (or this year's as it stands), a sheet as
 * project tables. A file with more rows than a disclosure may hold is refused here, at the upload.
 */
export function draftFromReading(reading: UploadReading, target: DraftTarget): Disclosure {
  const draft =
    reading.kind === "disclosure"
      ? draftFromLastYear(reading.disclosure, target)
      : {
          ...emptyDraft(target),
          performance: {
            ...emptyDraft(target).performance,
            projects: reading.sheets.projects.map((p) => onFramework(p, target.framework)),
          },
        };
  const overLimit = rowLimitProblem(draft);
  if (overLimit) throw new UploadRefused(overLimit);
  return draft;
}

/** A file of the draft's own year is taken as it is, moved to the year's framework. */
function sameYear(d: Disclosure, target: DraftTarget): Disclosure {
  const copy = structuredClone(d);
  return {
    ...copy,
    department: { ...target.department },
    performance: {
      ...copy.performance,
      framework: target.framework.id,
      projects: copy.performance.projects.map((p) => onFramework(p, target.framework)),
    },
  };
}

const onFramework = (p: ProjectFund, framework: IndicatorFramework): ProjectFund => ({
  ...p,
  indicators: p.indicators.map((i) => toFramework(i, framework)),
});

/** Rows named per note; the rest are counted. */
const MOVED_ROWS_NAMED = 3;

/**
 * What moving last year's indicators to the year's framework will change, one note per pair of
 * headings (2020's 产出指标 › 成本指标 to 2021's 成本指标 › 经济成本指标): the clerk is told before
 * the draft is made, on the last-year and the upload previews alike.
 */
export function frameworkMoveNotes(prior: Pick<Disclosure, "performance">, framework: IndicatorFramework): string[] {
  const m = importMessages.preview;
  return frameworkMoves(prior, framework).map((move) =>
    m.frameworkMoved(
      framework.name,
      `${move.from.level1} › ${move.from.level2}`,
      `${move.to.level1} › ${move.to.level2}`,
      move.rows.slice(0, MOVED_ROWS_NAMED).map((r) => m.movedRow(r.project, r.row, r.name)),
      Math.max(0, move.rows.length - MOVED_ROWS_NAMED),
    ),
  );
}

/** What the preview says about how the file becomes the draft. */
export function readingNotes(reading: UploadReading, target: DraftTarget): string[] {
  const m = importMessages.preview;
  if (reading.kind === "indicators") return [m.sheetBase];
  const d = reading.disclosure;
  const notes = [
    d.fiscalYear < target.fiscalYear ? m.carried(d.fiscalYear, target.fiscalYear) : m.sameYear(d.fiscalYear),
    ...frameworkMoveNotes(d, target.framework),
  ];
  const stated = [d.department.name, d.department.code && `（${d.department.code}）`].filter(Boolean).join("");
  if (
    stated &&
    (d.department.name !== target.department.name ||
      (d.department.code !== "" && d.department.code !== target.department.code))
  ) {
    notes.push(m.departmentDiffers(stated, `${target.department.name}（${target.department.code}）`));
  }
  return notes;
}
