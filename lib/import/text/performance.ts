import type { Performance } from "../../domain/model";
import type { Problems } from "./problems";
import { readProjects } from "./project-tables";
import { squash, type Item, type Paragraph } from "./source";

/**
 * 五、预算绩效信息: part one (总体绩效目标, 分项绩效目标, 工作保障措施) is prose with numbered items;
 * part two (资金绩效目标) is one 绩效目标表 per project fund.
 */

type SubGoal = Performance["subGoals"][number];
type Safeguard = Performance["safeguards"][number];

// "9.26农交会" starts with a number too; a numbering dot is not followed by a digit.
const NUMBERED = /^(\d{1,2})\s*(?:、|[.．](?!\d))\s*(.*)$/s;
const PART_TWO = /^第二部分|资金绩效目标$/;

type Block = "none" | "overall" | "subGoals" | "safeguards";

function blockOf(text: string): Block | null {
  const words = squash(text);
  // "第一部分 部门整体绩效目标" may stand on a line of its own instead of in the section heading.
  if (/^(部门)?总体绩效目标[：:]?$|^第一部分/.test(words)) return "overall";
  if (/^分项绩效目标[：:]?$/.test(words)) return "subGoals";
  if (/^(工作)?保障措施[：:]?$/.test(words)) return "safeguards";
  return null;
}

export function readPerformance(
  items: ReadonlyArray<Item>,
  framework: string,
  problems: Problems,
  headingLine: number,
): Performance {
  const splitAt = items.findIndex((i) => i.kind === "para" && PART_TWO.test(squash(i.text)));
  const partOne = (splitAt >= 0 ? items.slice(0, splitAt) : items).filter((i): i is Paragraph => i.kind === "para");
  const partTwo = splitAt >= 0 ? items.slice(splitAt + 1) : [];
  if (splitAt < 0)
    problems.add(headingLine, "未找到“第二部分 资金绩效目标”，项目绩效目标表未读取", "performance.projects");

  const overall: string[] = [];
  const subGoals: SubGoal[] = [];
  const safeguards: Safeguard[] = [];
  let block: Block = "none";
  let field: keyof SubGoal | null = null;
  for (const para of partOne) {
    const next = blockOf(para.text);
    if (next) {
      block = next;
      continue;
    }
    if (block === "overall" || block === "none") {
      if (block === "none")
        problems.add(para.no, "这段文字不在“总体绩效目标”等小标题之下，按总体绩效目标读取", "performance.overallGoal");
      overall.push(para.text);
    } else if (block === "subGoals") {
      field = readSubGoalLine(para, subGoals, field, problems);
    } else {
      readSafeguardLine(para, safeguards, problems);
    }
  }
  const performance: Performance = {
    overallGoal: overall.join("\n"),
    subGoals,
    safeguards,
    framework,
    projects: readProjects(partTwo, problems),
  };
  if (!performance.overallGoal) problems.add(headingLine, "未找到总体绩效目标", "performance.overallGoal");
  if (subGoals.length === 0) problems.add(headingLine, "未找到分项绩效目标", "performance.subGoals");
  if (safeguards.length === 0) problems.add(headingLine, "未找到工作保障措施", "performance.safeguards");
  subGoals.forEach((goal, i) => {
    if (!goal.goal)
      problems.add(null, `分项绩效目标“${goal.title}”缺少“绩效目标：”`, `performance.subGoals[${i}].goal`);
    if (!goal.indicators)
      problems.add(null, `分项绩效目标“${goal.title}”缺少“绩效指标：”`, `performance.subGoals[${i}].indicators`);
  });
  return performance;
}

/** "N、title", then "绩效目标：…" and "绩效指标：…", with or without blank lines between them. */
function readSubGoalLine(
  para: Paragraph,
  subGoals: SubGoal[],
  field: keyof SubGoal | null,
  problems: Problems,
): keyof SubGoal | null {
  const labelled = /^(绩效目标|绩效指标)\s*[：:]\s*(.*)$/s.exec(para.text);
  const current = subGoals[subGoals.length - 1];
  if (labelled) {
    const target: keyof SubGoal = labelled[1] === "绩效目标" ? "goal" : "indicators";
    if (!current) {
      problems.add(para.no, `“${labelled[1]}：”前没有分项绩效目标的标题`, "performance.subGoals");
      subGoals.push({ title: "", goal: "", indicators: "" });
    }
    const goal = subGoals[subGoals.length - 1];
    if (goal[target])
      problems.add(
        para.no,
        `分项绩效目标“${goal.title}”的“${labelled[1]}”出现两次，已合并`,
        `performance.subGoals[${subGoals.length - 1}].${target}`,
      );
    goal[target] = goal[target] ? `${goal[target]}\n${labelled[2].trim()}` : labelled[2].trim();
    return target;
  }
  const numbered = NUMBERED.exec(para.text);
  if (numbered) {
    subGoals.push({ title: numbered[2].trim(), goal: "", indicators: "" });
    return "title";
  }
  if (current && field) {
    // A field that runs over two paragraphs.
    current[field] = `${current[field]}\n${para.text}`;
    return field;
  }
  problems.add(
    para.no,
    "无法识别这段分项绩效目标文字（应为“N、标题”“绩效目标：”或“绩效指标：”）",
    "performance.subGoals",
  );
  return field;
}

/** "N、加强组织领导。建立健全…": the title runs to the first full stop. */
function readSafeguardLine(para: Paragraph, safeguards: Safeguard[], problems: Problems): void {
  const numbered = NUMBERED.exec(para.text);
  if (numbered) {
    const body = numbered[2].trim();
    const stop = body.search(/[。：:]/);
    safeguards.push(
      stop >= 0 ? { title: body.slice(0, stop), text: body.slice(stop + 1).trim() } : { title: body, text: "" },
    );
    return;
  }
  const last = safeguards[safeguards.length - 1];
  if (last) {
    last.text = last.text ? `${last.text}\n${para.text}` : para.text;
    return;
  }
  problems.add(para.no, "工作保障措施未按“1、标题。内容”编号，已整段读取", "performance.safeguards");
  safeguards.push({ title: "", text: para.text });
}
