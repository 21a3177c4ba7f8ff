import type { SectionId } from "../../domain/model";
import { findTextFault, normaliseText, textFaultExcerpt, textFaultMessage } from "../../domain/text-hygiene";
import type { ImportProblem } from "./problems";
import type { SectionText } from "./sections";
import type { SourceLine } from "./source";

/**
 * Characters no text of a disclosure may hold (lib/domain/text-hygiene.ts), found in the document
 * before it is read, each with its line and the section it is in, so a file holding one (a NUL, a
 * `&#xD800;` in a Word file, a direction override) is refused at the preview where the clerk can
 * see where — never read, shown, and then refused when the draft is created.
 */

/** More than this many are one problem repeated: the first ones say enough. */
const MAX_REPORTED = 20;

/**
 * The document's text as the readers should see it: invisible characters removed (they would
 * split "公务接待费" from the words the readers look for), and form feeds, which Word's plain-text
 * export writes for a page break, dropped as the layout they are.
 */
export function readableSource(text: string): string {
  return normaliseText(text.includes("\f") ? text.replace(/\f/g, "") : text);
}

export function textFaultProblems(
  front: ReadonlyArray<SourceLine>,
  sections: Partial<Record<SectionId, SectionText>>,
): ImportProblem[] {
  const located: Array<{ line: SourceLine; path: string }> = [];
  // Before the first heading: the title (its first line that says anything), then the preamble.
  const titleLine = front.find((l) => l.text.trim() !== "");
  for (const line of front) located.push({ line, path: line === titleLine ? "title" : "preamble" });
  for (const section of Object.values(sections)) {
    if (!section) continue;
    for (const line of [section.heading, ...section.lines]) located.push({ line, path: section.id });
  }
  located.sort((a, b) => a.line.no - b.line.no);

  const problems: ImportProblem[] = [];
  for (const { line, path } of located) {
    // A table cell's line starts with the tab that marks it: the position counts from the cell's text.
    const content = line.text.replace(/^\t/, "");
    const fault = findTextFault(content);
    if (!fault) continue;
    problems.push({
      line: line.no,
      path,
      message: `${textFaultMessage(content, fault)}${textFaultExcerpt(content, fault)}`,
    });
    if (problems.length === MAX_REPORTED) break;
  }
  return problems;
}
