import { disclosure, type Disclosure, type Indicator } from "../../domain/model";

/**
 * lib/domain/spec/domain.md's example disclosure, filled in from the 2020 三河 fixture: the test disclosure the
 * render and export tests use beside the importer's golden JSON (which carries every fact).
 */
const basis = "为贯彻落实《国务院办公厅关于印发<全国地方志事业发展规划纲要（2015—2020年）>的通知》（国办发[2015]64号）";

const q = (raw: string, operator: "=" | ">=" | "<=" | ">" | "<", value: string, unit: string) =>
  ({ raw, kind: "quantitative", operator, value, unit }) as const;

const indicators: Indicator[] = [
  {
    level1: "产出指标",
    level2: "数量指标",
    name: "培训修志队伍",
    description: "培训次数",
    target: q("=2.00次", "=", "2.00", "次"),
    basis,
  },
  {
    level1: "产出指标",
    level2: "质量指标",
    name: "内容、编校、设计、印刷差错率",
    description: "差错率",
    target: q("<0.10%", "<", "0.10", "%"),
    basis,
  },
  {
    level1: "效果指标",
    level2: "可持续影响指标",
    name: "年鉴编修产生效果",
    description: "三河大记载宣传效果",
    target: { raw: "全面宣传三河形象", kind: "qualitative", text: "全面宣传三河形象" },
    basis,
  },
  {
    level1: "满意度指标",
    level2: "服务对象满意度指标",
    name: "参与编书人员满意度（%）",
    description: "调查中满意和较满意的人数占调查总人数的比率",
    target: { raw: "=10", kind: "unparsed" },
    basis,
  },
  {
    level1: "满意度指标",
    level2: "服务对象满意度指标",
    name: "受益群体满意度（%）",
    description: "各单位对年鉴的满意度",
    target: q(">=90.00%", ">=", "90.00", "%"),
    basis,
  },
];

const zeroFunding = { governmentFund: "0.00", fiscalSpecialAccount: "0.00", other: "0.00" };

export const exampleDisclosure: Disclosure = disclosure.parse({
  schemaVersion: 1,
  department: { code: "434", name: "三河市人民政府办公室" },
  fiscalYear: 2020,
  title: "三河市人民政府办公室2020年部门预算信息公开情况说明",
  preamble:
    "按照《中华人民共和国预算法》、《地方预决算公开操作规程》和《河北省省级预算公开办法》规定，现将三河市人民政府办公室2020年部门预算公开如下：",
  responsibilities: ["围绕市政府各时期的中心工作和重点工作，加强调查研究。", "承办市委、市政府交办的其他任务。"],
  orgUnits: [{ name: "三河市人民政府办公室", nature: "行政", level: "正科级", fundingForm: "财政拨款" }],
  budget: {
    income: {
      total: "2765.39",
      generalPublicBudget: "2765.39",
      governmentFund: "0.00",
      fiscalSpecialAccount: "0.00",
      other: "0.00",
    },
    expenditure: {
      total: "2765.39",
      basic: "1162.43",
      personnel: "1062.44",
      publicOperating: "99.99",
      project: "1602.96",
      other: "0.00",
      projectHighlights: "市志编纂业务费、政务公开专项经费、金融信用办业务经费、中小企业发展专项资金",
    },
    priorYear: { total: "2671.20", basic: "1364.26", project: "1306.94" },
    changeReasons: { basic: "主要为减少人员经费及办公经费", project: "主要为增加金融贡献奖励资金" },
  },
  operatingExpenses: {
    amount: "99.99",
    purposes: "主要用于日常办公经费、办公区的日常维修、及办公人员差旅费等日常运行支出",
  },
  threePublic: {
    current: {
      total: "252.89",
      outbound: "0.00",
      vehiclePurchase: "53.94",
      vehicleOperation: "30.00",
      reception: "168.95",
    },
    priorYear: {
      total: "253.00",
      outbound: "0.00",
      vehiclePurchase: "0.00",
      vehicleOperation: "33.00",
      reception: "220.00",
    },
    changeReasons: {
      outbound: "主要原因是未安排因公出国事宜",
      vehicles:
        "主要原因是我部门因落实勤俭节约各项规定，长时间未更换公务用车，但车辆过于陈旧，存在安全隐患，为避免更大损失，故安排预算53.94万元，购置公务用车；另压减公车运行经费支出，落实中央勤俭节约规定。",
      reception: "主要原因是我部门切实落实勤俭节约各项规定，严格控制公务接待费支出。",
    },
  },
  performance: {
    overallGoal: "以习近平新时代中国特色社会主义思想为指导，达到三河市人民政府办公室工作科学、有序、顺利开展的效果。",
    subGoals: [
      {
        title: "机关事务管理工作科学开展",
        goal: "做好机关工作人员工资发放及社保等缴纳工作。",
        indicators: "通信畅通百分比达到95%及以上。",
      },
    ],
    safeguards: [{ title: "加强组织领导", text: "建立健全财政厅部门预算绩效管理路怪和制度体系。" }],
    framework: "2020",
    projects: [
      {
        name: "市志编纂业务费",
        amount: null,
        goal: "为贯彻落实…文件精神，通过编纂《三河年鉴》（2020年卷）工作。",
        indicators,
      },
    ],
  },
  procurement: {
    total: "99.00",
    items: [
      {
        project: "政府其他综合业务费",
        projectBudget: "53.94",
        item: "轿车",
        catalogCode: "A02030501",
        unit: "辆",
        quantity: 3,
        unitPrice: "17.98",
        amount: "53.94",
        funding: { generalPublicBudget: "53.94", ...zeroFunding },
      },
      {
        project: "政府其他综合业务费",
        projectBudget: "26.10",
        item: "台式计算机",
        catalogCode: "A02010104",
        unit: "台",
        quantity: 29,
        unitPrice: "0.90",
        amount: "26.10",
        funding: { generalPublicBudget: "26.10", ...zeroFunding },
      },
      {
        project: "政府其他综合业务费",
        projectBudget: "18.96",
        item: "激光打印机",
        catalogCode: "A0201060102",
        unit: "台",
        quantity: 12,
        unitPrice: "1.58",
        amount: "18.96",
        funding: { generalPublicBudget: "18.96", ...zeroFunding },
      },
    ],
  },
  assets: {
    asOf: "2019-12-31",
    fixedAssetsTotal: "1153.01",
    plannedPurchase: "99.00",
    plannedPurchaseNote: "主要为计算机设备及打印设备等",
    buildings: { area: "6841.88", value: "431.38" },
    officeBuildings: { area: "6841.88", value: "431.38" },
    vehicles: { count: 20, value: "224.84" },
    equipmentOver200k: { count: null, value: null },
    other: { value: "496.79" },
  },
  glossary: [{ term: "一般公共预算拨款收入", definition: "指市财政当年使用一般公共预算拨付的资金。" }],
  otherMatters: "我部门无其他需要说明的事项。",
});
