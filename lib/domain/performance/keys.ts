import type { Indicator, ProjectFund } from "../model";
import { metricKey, projectKey } from "../../rules/indicator-words";

/**
 * How a monitoring report, a self-evaluation and next year's draft name a row of the published
 * 绩效目标表. A published snapshot holds the canonical disclosure, which has no row ids
 * (editable.ts strips them), so a row is named by its words: the project as the rules compare it
 * across years (`2020年` left out), then the metric (`（%）` left out), and where a name repeats
 * within its project (创城办's two 完成时间 rows) the repeat's number, `#2`. The same published
 * revision always gives the same keys, and a carried project keeps its rows' keys next year.
 */

const SEPARATOR = "/";

/** `市志编纂业务费`, or `市志编纂业务费#2` for the second project of that name. */
export function projectKeys(projects: ReadonlyArray<Pick<ProjectFund, "name">>): string[] {
  return withRepeats(projects.map((p) => projectKey(p.name)));
}

/** `市志编纂业务费/培训修志队伍`, per row of the project, in its order. */
export function indicatorKeys(projectKeyText: string, indicators: ReadonlyArray<Pick<Indicator, "name">>): string[] {
  return withRepeats(indicators.map((ind) => metricKey(ind.name))).map((m) => `${projectKeyText}${SEPARATOR}${m}`);
}

/** Every row's key with where it stands: `keys[p][i]` is row i of project p. */
/** Any disclosure-shaped content: the canonical one, a draft with row ids, a form's rows. */
export type KeyedContent = {
  performance: {
    projects: ReadonlyArray<Pick<ProjectFund, "name"> & { indicators: ReadonlyArray<Pick<Indicator, "name">> }>;
  };
};

export function disclosureKeys(d: KeyedContent): { projects: string[]; indicators: string[][] } {
  const projects = projectKeys(d.performance.projects);
  return {
    projects,
    indicators: d.performance.projects.map((project, p) => indicatorKeys(projects[p], project.indicators)),
  };
}

function withRepeats(keys: string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}
