import { money } from "../domain/money";
import type { Issue, RuleContext } from "./finding";
import { projectLabel, projectPath } from "./indicator-words";

/**
 * A 绩效目标表 is judged against its money (财预〔2015〕88号: 相应匹配): a project without an
 * amount cannot be, and one of 0.00 has no money to set targets for. Where the budget tables are
 * filled, a missing amount is tables.project-amount's (it offers the table's figure), so only a
 * zero is said here then.
 */
export function projectAmount({ disclosure: d }: RuleContext): Issue[] {
  const issues: Issue[] = [];
  d.performance.projects.forEach((project, p) => {
    const path = `${projectPath(p)}.amount`;
    if (project.amount === null) {
      if (d.tables) return;
      issues.push({
        path,
        message: `${projectLabel(project, p)}没有填写项目金额`,
        hint: "请按预算批复填写本项目的金额（万元）：目标的高低要与资金相匹配",
      });
    } else if (money(project.amount).isZero()) {
      issues.push({
        path,
        message: `${projectLabel(project, p)}的金额为 0.00 万元`,
        hint: "没有安排资金的项目不列绩效目标表；有资金的，请按预算批复填写金额",
      });
    }
  });
  return issues;
}
