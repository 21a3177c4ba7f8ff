import type { z } from "zod";
import { disclosure as disclosureSchema, performance, type Disclosure, type ProjectFund } from "../../domain/model";
import { describePath, type PathSegment } from "../../domain/paths";
import { removeTextFaults } from "../../domain/text-hygiene";
import { importMessages } from "../../i18n/zh-CN/import";
import { inputMessages } from "../../i18n/zh-CN/input";
import type { ImportProblem } from "../text/problems";
import { UploadRefused } from "./sniff";

/**
 * What an upload was read into, held to the model before the preview shows it: the same schema
 * the draft is created with, so a file the preview shows is a file the accept takes (issue 13: a
 * 301-digit area, a 1e308 weight, a direction override in a cell). What fails is refused with the
 * place; what passes is shown as it will be saved (invisible characters already removed).
 */

/** A place in the file ("第12行", "五、预算绩效信息 › 项目 1「…」› 权重"; null when the file as a whole) and what is wrong there. */
export type Place = { where: string | null; message: string };

/** The refusal of a file for the first of `places`, counting the others. */
export function refusalAt(fileName: string, places: ReadonlyArray<Place>): UploadRefused {
  const [first] = places;
  if (!first) return new UploadRefused(importMessages.refused.unreadable(fileName, ""));
  const more = places.length > 1 ? inputMessages.upload.more(places.length - 1) : "";
  if (first.where === null)
    return new UploadRefused(`${importMessages.refused.unreadable(fileName, first.message)}${more}`);
  return new UploadRefused(`${inputMessages.upload.refused(fileName, first.where, first.message)}${more}`);
}

type Checked<T> = { ok: true; value: T } | { ok: false; places: Place[] };

function check<T>(schema: z.ZodType<T>, value: unknown, at: PathSegment[], root: unknown): Checked<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const places = parsed.error.issues.map((issue) => {
    const path = [...at, ...issue.path.map((s) => (typeof s === "number" ? s : String(s)))];
    // A row is named by its name field, which may be the very text refused: never echoed back.
    return { where: removeTextFaults(describePath(path, root)), message: issue.message };
  });
  return { ok: false, places };
}

/** A disclosure read from a file (text, Word, JSON), as the model takes it. */
export function checkedDisclosure(d: Disclosure, fileName: string): Disclosure {
  const checked = check(disclosureSchema, d, [], d);
  if (!checked.ok) throw refusalAt(fileName, checked.places);
  return checked.value;
}

/** Projects read from indicator sheets, as the model takes them (with the disclosure's row limits). */
export function checkedProjects(projects: ProjectFund[], fileName: string): ProjectFund[] {
  const checked = check(performance.shape.projects as z.ZodType<ProjectFund[]>, projects, ["performance", "projects"], {
    performance: { projects },
  });
  if (!checked.ok) throw refusalAt(fileName, checked.places);
  return checked.value;
}

/** Where an importer's problem is, for a refusal: its line in a text file, else its field or section. */
export function placeOfProblem(problem: ImportProblem, byLine: boolean): string | null {
  if (byLine && problem.line !== null) return importMessages.preview.line(problem.line);
  if (!problem.path) return null;
  try {
    return describePath(problem.path);
  } catch {
    return null; // not a path of the model ("department.code" always is; a stray key may not be)
  }
}
