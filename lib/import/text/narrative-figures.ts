import { amountsEqual, money, sumAmounts, toAmount } from "../../domain/money";
import { comparePaths } from "../../domain/paths";
import { findRule } from "../../rules/catalogue";
import type { Finding } from "../../rules/finding";

/**
 * plausibility.narrative-figure (lib/domain/spec/rules.md): a published document states some facts twice — a
 * sentence and a table, a combined figure beside its parts, a stated change beside the changes of
 * its parts, one figure repeated in a later sentence. The canonical model keeps each fact once
 * (and the app generates its sentences from the fields), so only the importer sees both
 * statements. The section readers record what they read here, agreeing or not; this module
 * decides which disagree and says so, naming both figures and where each was stated.
 */

export const NARRATIVE_FIGURE_RULE = "plausibility.narrative-figure";

/** One statement of a figure: "收支安排 2765.39 万元" in "“比上年增减变化情况”中", on line 66. */
export type Stated = { label: string; amount: string; where: string; line: number };
export type Part = { label: string; amount: string };

type Statement =
  | { kind: "twice"; path: string; section: string; first: Stated; second: Stated }
  | { kind: "sum"; path: string; section: string; whole: Stated; parts: Part[] }
  | { kind: "change-sum"; path: string; section: string; whole: Stated; parts: Part[] };

/** What the readers of sections 2, 4, 6 and 7 saw stated twice, in reading order. */
export class StatedFigures {
  readonly list: Statement[] = [];

  /** The same fact in two places: a sentence and a table row, or two sentences. */
  twice(path: string, section: string, first: Stated, second: Stated): void {
    this.list.push({ kind: "twice", path, section, first, second });
  }

  /** A combined figure stated beside its parts: "公务用车购置及运维费83.94万元（其中：购置费53.94万元，运维费30万元）". */
  sum(path: string, section: string, whole: Stated, parts: Part[]): void {
    this.list.push({ kind: "sum", path, section, whole, parts });
  }

  /** A stated change beside the changes of its parts; amounts are signed ("-201.83" for 减少). */
  changeSum(path: string, section: string, whole: Stated, parts: Part[]): void {
    this.list.push({ kind: "change-sum", path, section, whole, parts });
  }
}

/** The disagreements among the recorded statements, as findings of the catalogue's default severity. */
export function narrativeFigureFindings(stated: StatedFigures): Finding[] {
  const severity = findRule(NARRATIVE_FIGURE_RULE)?.severity ?? "warning";
  const findings: Finding[] = [];
  for (const s of stated.list) {
    const issue = disagreement(s);
    if (issue) findings.push({ rule: NARRATIVE_FIGURE_RULE, severity, path: s.path, ...issue });
  }
  return findings.sort((a, b) => comparePaths(a.path, b.path));
}

function disagreement(s: Statement): { message: string; hint: string } | null {
  if (s.kind === "twice") {
    if (amountsEqual(s.first.amount, s.second.amount)) return null;
    const message = `${s.section}${s.first.where}${s.first.label} ${s.first.amount} 万元 ≠ ${s.second.where}${s.second.label} ${s.second.amount} 万元`;
    return { message, hint: hint(s.first.line, s.second.line) };
  }
  const total = sumAmounts(s.parts.map((p) => p.amount));
  if (money(s.whole.amount).eq(total)) return null;
  if (s.kind === "sum") {
    const parts = s.parts.map((p) => `${p.label} ${p.amount}`).join(" + ");
    return {
      message: `${s.section}${s.whole.where}${s.whole.label} ${s.whole.amount} 万元 ≠ ${parts} = ${toAmount(total)} 万元`,
      hint: hint(s.whole.line),
    };
  }
  const stated = money(s.whole.amount);
  const verb = stated.isNegative() && !stated.isZero() ? "减少" : "增加";
  const parts = s.parts.map((p) => `${p.label} ${signed(p.amount)}`).join(" + ");
  const message = `${s.section}${s.whole.where}${s.whole.label}比上年${verb} ${toAmount(stated.abs())} 万元 ≠ ${parts} = ${signed(toAmount(total))} 万元`;
  return { message, hint: hint(s.whole.line) };
}

/** "+53.94", "−3.00", "0.00": a change as the reviewer reads it (the engine's minus sign). */
function signed(amount: string): string {
  const value = money(amount);
  if (value.isZero()) return "0.00";
  return value.isNegative() ? `−${toAmount(value.abs())}` : `+${toAmount(value)}`;
}

function hint(first: number, second?: number): string {
  const lines =
    second === undefined || second === first
      ? `第${first}行`
      : `第${Math.min(first, second)}行和第${Math.max(first, second)}行`;
  return `请核对原文${lines}，改正写错的一处数字`;
}
