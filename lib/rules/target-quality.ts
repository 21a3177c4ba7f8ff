import type { Disclosure } from "../domain/model";
import { reviewMessages } from "../i18n/zh-CN/review";
import { dimensions } from "./dimensions";
import type { Finding } from "./finding";
import { needsRevision, projectGrades, rankWorstFirst } from "./grades";

/**
 * A return for 绩效目标质量 (issue 16): the reason code an approver picks when projects' targets
 * grade 中 or 差, and the quoted text its note carries — those projects, worst first, with their
 * findings as the rule engine words them. The server writes the quote (the review screen offers it,
 * the return replaces whatever the browser sent of it), so the department reads what was graded.
 */

/** The return reason's code (db/seed/reference.ts seeds it; the admin may rename it, not recode it). */
export const TARGET_QUALITY_REASON = "target-quality";

const m = reviewMessages.grading.quote;

/** Findings quoted per project; the rest are counted. Keeps a note of many weak projects readable. */
export const QUOTED_PER_PROJECT = 5;
/** The quote stays under this many characters: the note's own limit is 2,000. */
export const QUOTE_MAX = 1500;

/** The quoted block for a disclosure and its findings, or null when no project grades 中 or 差. */
export function targetQualityQuote(
  disclosure: Pick<Disclosure, "performance">,
  findings: ReadonlyArray<Finding>,
): string | null {
  const projects = disclosure.performance.projects;
  const graded = projectGrades(findings, disclosure);
  const weak = rankWorstFirst(graded).filter((p) => needsRevision(graded[p].grade));
  if (weak.length === 0) return null;
  const lines = [m.heading];
  let shown = 0;
  for (const p of weak) {
    const g = graded[p];
    const block = [
      m.project(
        p + 1,
        projects[p].name || reviewMessages.grading.unnamed,
        reviewMessages.grading.grades[g.grade],
        g.score,
      ),
    ];
    // Errors first, then by dimension, as the grade counted them.
    const quoted = dimensions
      .flatMap((d) => g.findings[d].map((f) => ({ f, d })))
      .sort((a, b) => severityOrder(a.f) - severityOrder(b.f));
    for (const { f, d } of quoted.slice(0, QUOTED_PER_PROJECT))
      block.push(m.finding(reviewMessages.grading.dimensions[d], f.message));
    if (quoted.length > QUOTED_PER_PROJECT) block.push(m.more(quoted.length - QUOTED_PER_PROJECT));
    const text = block.join("\n");
    if ([...lines, text].join("\n").length > QUOTE_MAX) break;
    lines.push(text);
    shown += 1;
  }
  if (shown < weak.length) lines.push(m.moreProjects(weak.length - shown));
  return lines.join("\n");
}

const severityOrder = (f: Finding) => (f.severity === "error" ? 0 : f.severity === "warning" ? 1 : 2);

/**
 * The note a 绩效目标质量 return stores: the approver's own words (whatever stands before the
 * quote's heading) and then the server's quote. What the browser sent of the quote is replaced, so
 * a stale or edited quote never reaches the department.
 */
export function withQuote(note: string, quote: string): string {
  const at = note.indexOf(m.heading);
  const own = (at === -1 ? note : note.slice(0, at)).trim();
  return own === "" ? quote : `${own}\n\n${quote}`;
}
