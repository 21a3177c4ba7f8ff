import type { Db } from "../client";
import { indicatorLibrary } from "../schema/library";

/**
 * The common indicators every installation starts with: the kinds the 2020 fixture's thirteen
 * tables use again and again (培训次数, 合格率, 完成时间, 知晓率, 满意度 …) and the general practice of
 * 财预〔2020〕10号 and 财预〔2021〕101号, under each framework's own headings. Every target is one a
 * reviewer can judge (no 明显提升: lib/rules/vague-words.ts), since a library row is a model. Fixed ids so that a
 * later sync adds only what is new and never brings back an entry the admin retired.
 */

type Seed = [level1: string, level2: string, name: string, description: string, target: string, basis: string];

const PLAN = "年度工作计划";
const HISTORY = "往年历史数据";
const RULES_2020 = "《项目支出绩效评价管理办法》（财预〔2020〕10号）";
const RULES_2021 = "《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号）";

const common2021: Seed[] = [
  ["产出指标", "数量指标", "培训次数", "组织业务培训的次数", ">=2次", PLAN],
  ["产出指标", "数量指标", "培训人次", "参加培训的人次", ">=100人次", PLAN],
  ["产出指标", "数量指标", "宣传活动次数", "组织宣传活动的次数", ">=4次", PLAN],
  ["产出指标", "数量指标", "督导检查次数", "开展督导检查、巡查的次数", ">=4次", PLAN],
  ["产出指标", "数量指标", "平台正常运行月份", "信息平台全年正常运行的月份", "=12个月", PLAN],
  ["产出指标", "质量指标", "培训合格率", "培训考核合格人数占参训总人数的比率", ">=95%", HISTORY],
  ["产出指标", "质量指标", "任务完成率", "完成的任务数占计划任务数的比率", "=100%", PLAN],
  ["产出指标", "质量指标", "资金使用合规率", "合规使用的资金占项目资金的比率", "=100%", RULES_2021],
  ["产出指标", "质量指标", "差错率", "出现差错的数量占总量的比率", "<=1%", HISTORY],
  ["产出指标", "时效指标", "任务完成及时率", "按时完成的任务数占任务总数的比率", ">=95%", PLAN],
  ["产出指标", "时效指标", "资金拨付及时率", "按时拨付的资金占应拨付资金的比率", "=100%", RULES_2021],
  ["产出指标", "时效指标", "完成时间", "项目全年实施完成的时间", "<=12个月", PLAN],
  ["效益指标", "经济效益指标", "带动相关产业产值增长率", "相关产业产值较上年增长的比率", ">=5%", PLAN],
  ["效益指标", "社会效益指标", "群众知晓率", "知晓相关政策、工作的群众占调查人数的比率", ">=90%", HISTORY],
  ["效益指标", "社会效益指标", "宣传覆盖率", "宣传活动覆盖的单位、人群占应覆盖数的比率", ">=90%", HISTORY],
  ["效益指标", "社会效益指标", "办理投诉率", "被投诉的事项占办理事项总数的比率（反向指标）", "<5%", HISTORY],
  ["效益指标", "生态效益指标", "办公能耗下降率", "办公用能、用水、用纸较上年下降的比率", ">=3%", PLAN],
  ["效益指标", "可持续影响指标", "长效管理机制", "资金使用和项目管理制度的建立和执行", "健全", RULES_2021],
  ["效益指标", "可持续影响指标", "工作正常运行保障", "项目资金保障相关工作正常运行的时间", "=1年", PLAN],
  ["成本指标", "经济成本指标", "人均培训成本", "培训总费用除以参训人数", "<=500元/人", "预算定额标准"],
  ["成本指标", "经济成本指标", "项目成本控制", "项目实际支出不超过预算批复数", "<=100%", RULES_2021],
  ["成本指标", "社会成本指标", "对社会公众的不利影响", "项目实施对公众正常生活的影响", "无明显影响", PLAN],
  ["成本指标", "生态环境成本指标", "对生态环境的不利影响", "项目实施对生态环境的影响", "无明显影响", PLAN],
  [
    "满意度指标",
    "服务对象满意度指标",
    "服务对象满意度",
    "调查中满意和较满意的人数占调查总人数的比率",
    ">=90%",
    HISTORY,
  ],
  ["满意度指标", "服务对象满意度指标", "群众满意度", "群众对项目实施效果的满意程度", ">=90%", HISTORY],
  ["满意度指标", "服务对象满意度指标", "参训人员满意度", "参训人员对培训的满意程度", ">=95%", HISTORY],
];

const common2020: Seed[] = [
  ["产出指标", "数量指标", "培训次数", "组织业务培训的次数", ">=2次", PLAN],
  ["产出指标", "数量指标", "宣传活动次数", "组织宣传活动的次数", ">=4次", PLAN],
  ["产出指标", "数量指标", "督导检查次数", "开展督导检查、巡查的次数", ">=4次", PLAN],
  ["产出指标", "质量指标", "培训合格率", "培训考核合格人数占参训总人数的比率", ">=95%", HISTORY],
  ["产出指标", "质量指标", "任务完成率", "完成的任务数占计划任务数的比率", "=100%", PLAN],
  ["产出指标", "质量指标", "资金使用合规率", "合规使用的资金占项目资金的比率", "=100%", RULES_2020],
  ["产出指标", "时效指标", "任务完成及时率", "按时完成的任务数占任务总数的比率", ">=95%", PLAN],
  ["产出指标", "时效指标", "完成时间", "项目全年实施完成的时间", "<=12个月", PLAN],
  ["产出指标", "成本指标", "人均培训成本", "培训总费用除以参训人数", "<=500元/人", "预算定额标准"],
  ["产出指标", "成本指标", "单次活动成本", "平均每次活动的费用", "<=1万元", "预算定额标准"],
  ["效果指标", "经济效益指标", "带动相关产业产值增长率", "相关产业产值较上年增长的比率", ">=5%", PLAN],
  ["效果指标", "社会效益指标", "群众知晓率", "知晓相关政策、工作的群众占调查人数的比率", ">=90%", HISTORY],
  ["效果指标", "社会效益指标", "宣传覆盖率", "宣传活动覆盖的单位、人群占应覆盖数的比率", ">=90%", HISTORY],
  ["效果指标", "生态效益指标", "办公能耗下降率", "办公用能、用水、用纸较上年下降的比率", ">=3%", PLAN],
  ["效果指标", "可持续影响指标", "长效管理机制", "资金使用和项目管理制度的建立和执行", "健全", RULES_2020],
  ["效果指标", "可持续影响指标", "工作正常运行保障", "项目资金保障相关工作正常运行的时间", "=1年", PLAN],
  [
    "满意度指标",
    "服务对象满意度指标",
    "服务对象满意度",
    "调查中满意和较满意的人数占调查总人数的比率",
    ">=90%",
    HISTORY,
  ],
  ["满意度指标", "服务对象满意度指标", "群众满意度", "群众对项目实施效果的满意程度", ">=90%", HISTORY],
];

/** `1b1a2021-0000-4000-8000-000000000001`: stable, valid uuids, one range per framework. */
const seedId = (framework: string, n: number) => `1b1a${framework}-0000-4000-8000-${String(n).padStart(12, "0")}`;

export const commonIndicators = [
  ...common2021.map((s, i) => ({ s, frameworkId: "2021", id: seedId("2021", i + 1), position: i })),
  ...common2020.map((s, i) => ({ s, frameworkId: "2020", id: seedId("2020", i + 1), position: i })),
].map(({ s: [level1, level2, name, description, targetRaw, basis], frameworkId, id, position }) => ({
  id,
  frameworkId,
  level1,
  level2,
  name,
  description,
  targetRaw,
  basis,
  position,
}));

/** Idempotent: adds the entries this version ships that the database lacks; edits and retirements stay. */
export async function syncIndicatorLibrary(db: Db): Promise<void> {
  await db.insert(indicatorLibrary).values(commonIndicators).onConflictDoNothing({ target: indicatorLibrary.id });
}
