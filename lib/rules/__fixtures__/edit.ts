import type { Disclosure, Indicator } from "../../domain/model";
import { parseTarget } from "../../domain/targets";
import type { Finding } from "../finding";

/** Small edits the tests make to the fixture, one cell at a time. */

export function row(d: Disclosure, p: number, i: number): Indicator {
  return d.performance.projects[p].indicators[i];
}

/** Writes a 指标值 the way a clerk would type it, parsed as the form parses it. */
export function setTarget(d: Disclosure, p: number, i: number, raw: string): void {
  row(d, p, i).target = parseTarget(raw);
}

export function indicatorRow(fields: Partial<Omit<Indicator, "target">> & { target: string }): Indicator {
  return {
    level1: "产出指标",
    level2: "数量指标",
    name: "培训",
    description: "培训次数",
    basis: "往年历史数据",
    ...fields,
    target: parseTarget(fields.target),
  };
}

export const ruleAndPath = (f: Finding) => `${f.rule} @ ${f.path}`;

export function only(findings: ReadonlyArray<Finding>, rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}
