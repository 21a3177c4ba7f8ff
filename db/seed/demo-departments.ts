import type { OrgUnit } from "@/lib/domain/model";

/**
 * The other departments of 三河市 in the demo, each drafting its 2021 disclosure. Invented but
 * plausible: their figures are the 2020 fixture's scaled by `scale` (tables and text, ./synthetic.ts),
 * their texts short.
 */
export type DemoDepartment = {
  code: string;
  name: string;
  desk: "一科" | "二科";
  scale: string;
  /**
   * The 功能分类 项 of its 行政运行 (基本支出). The shipped catalogue is a subset
   * (db/seed/classification-2020.tsv): a department with no 行政运行 of its own there keeps the
   * fixture's 2010301 (政府办公厅), so that the demo's codes all pass the year's catalogue.
   */
  operationCode: string;
  responsibilities: string[];
  orgUnits: OrgUnit[];
  overallGoal: string;
  /**
   * share: the project's part of project expenditure (the last takes the remainder); code: its
   * 功能分类 项 in the 项目支出表, from the shipped subset (2019999 where it has none closer).
   */
  projects: { name: string; goal: string; share: string; code: string }[];
};

const office = (name: string): OrgUnit => ({ name, nature: "行政", level: "正科级", fundingForm: "财政拨款" });
const institution = (name: string): OrgUnit => ({ name, nature: "事业", level: "股级", fundingForm: "财政补助" });

export const demoDepartments: DemoDepartment[] = [
  {
    code: "402",
    name: "三河市财政局",
    desk: "一科",
    scale: "0.85",
    operationCode: "2010601",
    responsibilities: [
      "贯彻执行财税方针政策，拟订全市财政发展规划和改革方案。",
      "负责编制年度市级预决算草案并组织执行。",
      "负责政府非税收入管理和政府采购监督管理。",
    ],
    orgUnits: [office("三河市财政局"), institution("三河市财政国库支付中心")],
    overallGoal: "深化预算管理制度改革，全面实施预算绩效管理，保障全市重点支出。",
    projects: [
      {
        name: "预算绩效管理专项经费",
        goal: "组织开展重点项目绩效评价，提高财政资金使用效益。",
        share: "0.6",
        code: "2010602",
      },
      {
        name: "财政信息化建设经费",
        goal: "推进预算管理一体化系统建设，提升财政管理信息化水平。",
        share: "0.4",
        code: "2010699",
      },
    ],
  },
  {
    code: "405",
    name: "三河市教育局",
    desk: "一科",
    scale: "3.6",
    operationCode: "2050101",
    responsibilities: [
      "贯彻执行教育法律法规和方针政策，统筹全市教育事业发展。",
      "负责全市各级各类学校的教育教学管理工作。",
      "负责教师队伍建设和学生资助工作。",
    ],
    orgUnits: [office("三河市教育局"), institution("三河市教师发展中心")],
    overallGoal: "推进义务教育优质均衡发展，改善办学条件，提高教育教学质量。",
    projects: [
      {
        name: "义务教育薄弱环节改善经费",
        goal: "改善农村学校办学条件，补齐义务教育短板。",
        share: "0.5",
        code: "2019999",
      },
      { name: "教师培训专项经费", goal: "开展全员教师培训，提升教师专业能力。", share: "0.3", code: "2019999" },
      { name: "学生资助经费", goal: "落实学生资助政策，保障家庭经济困难学生顺利就学。", share: "0.2", code: "2019999" },
    ],
  },
  {
    code: "411",
    name: "三河市卫生健康局",
    desk: "二科",
    scale: "1.9",
    operationCode: "2010301",
    responsibilities: [
      "贯彻执行卫生健康法律法规，拟订全市卫生健康事业发展规划。",
      "负责疾病预防控制和基本公共卫生服务工作。",
      "负责医疗机构和医疗服务行业管理。",
    ],
    orgUnits: [office("三河市卫生健康局"), institution("三河市疾病预防控制中心")],
    overallGoal: "巩固基本公共卫生服务成果，提升基层医疗服务能力，保障群众健康。",
    projects: [
      {
        name: "基本公共卫生服务经费",
        goal: "为城乡居民提供基本公共卫生服务，提高群众健康水平。",
        share: "0.7",
        code: "2019999",
      },
      {
        name: "卫生应急保障经费",
        goal: "完善卫生应急物资储备，提高突发公共卫生事件处置能力。",
        share: "0.3",
        code: "2019999",
      },
    ],
  },
  {
    code: "418",
    name: "三河市自然资源和规划局",
    desk: "二科",
    scale: "1.3",
    operationCode: "2010301",
    responsibilities: [
      "履行全民所有土地等自然资源资产所有者职责。",
      "负责国土空间规划编制和实施监督。",
      "负责耕地保护和不动产登记工作。",
    ],
    orgUnits: [office("三河市自然资源和规划局")],
    overallGoal: "完成国土空间规划编制，严格耕地保护，提高自然资源利用效率。",
    projects: [
      { name: "国土空间规划编制经费", goal: "完成市级国土空间总体规划编制工作。", share: "0.55", code: "2019999" },
      { name: "耕地保护专项经费", goal: "落实耕地保护责任，开展耕地动态监测。", share: "0.45", code: "2019999" },
    ],
  },
  {
    code: "420",
    name: "三河市住房和城乡建设局",
    desk: "二科",
    scale: "1.6",
    operationCode: "2010301",
    responsibilities: [
      "负责全市住房保障和房地产市场监督管理。",
      "负责建筑市场和工程质量安全监督管理。",
      "指导城乡建设和老旧小区改造工作。",
    ],
    orgUnits: [office("三河市住房和城乡建设局"), institution("三河市建设工程质量监督站")],
    overallGoal: "推进老旧小区改造，加强工程质量安全监管，改善群众居住条件。",
    projects: [
      {
        name: "老旧小区改造经费",
        goal: "完成年度老旧小区改造任务，改善居民居住环境。",
        share: "0.65",
        code: "2019999",
      },
      {
        name: "工程质量安全监管经费",
        goal: "开展建筑工程质量安全检查，防范安全事故。",
        share: "0.35",
        code: "2019999",
      },
    ],
  },
];
