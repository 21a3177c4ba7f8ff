import { Money, toAmount } from "@/lib/domain/money";
import type { Disclosure, Indicator, ProcurementItem } from "@/lib/domain/model";
import { parseTarget } from "@/lib/domain/targets";
import { fillFromTables } from "@/lib/domain/text-from-tables";
import type { DemoDepartment } from "./demo-departments";
import { syntheticTables } from "./synthetic-tables";

/**
 * A small, consistent 2021 disclosure for a demo department, derived from the real 2020 one: its
 * standard tables are the fixture's scaled exactly (./synthetic-tables.ts, illustrative), and the
 * figures of sections 二, 三, 四 and each project's amount are read from them (text-from-tables.ts),
 * so the finance bureau's sum checks and the table rules pass as they do on the fixture.
 */
export function syntheticDisclosure(
  template: Disclosure,
  dept: DemoDepartment,
  fiscalYear: number,
  frameworkId: string,
): Disclosure {
  const scale = (amount: string | null, factor: string = dept.scale) => toAmount(new Money(amount ?? 0).times(factor));
  const sum = (...amounts: string[]) => toAmount(amounts.reduce((acc, a) => acc.plus(a), new Money(0)));
  const t = template;
  const tables = syntheticTables(dept, fiscalYear);
  const amountOf = (project: string) =>
    tables.project.rows.find((r) => r.name === project)!.amounts.generalPublicBudget!;
  // Blank: fillFromTables writes each from its table cell.
  const fromTables = { total: null, outbound: null, vehiclePurchase: null, vehicleOperation: null, reception: null };

  const items = procurementItems(dept, dept.projects[0].name, amountOf(dept.projects[0].name));
  const procurementTotal = sum(...items.map((i) => i.amount!));
  const buildings = { area: scale(t.assets.buildings.area), value: scale(t.assets.buildings.value) };
  const vehicles = {
    count: Math.max(1, Math.round(Number(dept.scale) * 4)),
    value: scale(t.assets.vehicles.value, new Money(dept.scale).times("0.3").toString()),
  };
  const otherAssets = scale(t.assets.other.value);

  const text: Disclosure = {
    schemaVersion: 1,
    department: { code: dept.code, name: dept.name },
    fiscalYear,
    title: `${dept.name}${fiscalYear}年部门预算信息公开情况说明`,
    preamble: t.preamble.replaceAll(t.department.name, dept.name).replaceAll(`${t.fiscalYear}年`, `${fiscalYear}年`),
    responsibilities: dept.responsibilities,
    orgUnits: dept.orgUnits,
    budget: {
      income: { total: null, generalPublicBudget: null, governmentFund: null, fiscalSpecialAccount: null, other: null },
      expenditure: {
        total: null,
        basic: null,
        personnel: null,
        publicOperating: null,
        project: null,
        other: "0.00",
        projectHighlights: dept.projects.map((p) => p.name).join("、"),
      },
      priorYear: { total: null, basic: null, project: null },
      changeReasons: { basic: "主要为人员正常晋级增资及社保缴费基数调整", project: "主要为新增年度重点工作项目经费" },
    },
    operatingExpenses: { amount: null, purposes: t.operatingExpenses.purposes },
    threePublic: {
      current: { ...fromTables },
      priorYear: { ...fromTables },
      changeReasons: {
        outbound: "",
        vehicles: "严格执行公务用车管理规定，压减车辆运行维护费用",
        reception: "厉行节约，严格控制公务接待标准和数量",
      },
    },
    performance: {
      overallGoal: dept.overallGoal,
      subGoals: dept.projects.map((p) => ({
        title: p.name,
        goal: p.goal,
        indicators: `按时完成${p.name}所列任务，服务对象满意度不低于90%。`,
      })),
      safeguards: t.performance.safeguards,
      framework: frameworkId,
      projects: dept.projects.map((p, i) => ({
        name: p.name,
        amount: null,
        goal: p.goal,
        indicators: projectIndicators(p.name, amountOf(p.name), i),
      })),
    },
    procurement: { total: procurementTotal, items },
    assets: {
      asOf: `${fiscalYear - 1}-12-31`,
      fixedAssetsTotal: sum(buildings.value, vehicles.value, otherAssets),
      plannedPurchase: procurementTotal,
      plannedPurchaseNote: "主要为计算机设备及打印设备等",
      buildings,
      officeBuildings: { area: scale(buildings.area, "0.8"), value: scale(buildings.value, "0.8") },
      vehicles,
      equipmentOver200k: { count: null, value: null },
      other: { value: otherAssets },
    },
    glossary: t.glossary,
    otherMatters: t.otherMatters,
    tables,
  };
  return fillFromTables(text).disclosure;
}

function procurementItems(dept: DemoDepartment, project: string, projectBudget: string): ProcurementItem[] {
  const line = (item: string, catalogCode: string, quantity: number, unitPrice: string): ProcurementItem => {
    const amount = toAmount(new Money(unitPrice).times(quantity));
    return {
      project,
      projectBudget,
      item,
      catalogCode,
      unit: "台",
      quantity,
      unitPrice,
      amount,
      funding: { generalPublicBudget: amount, governmentFund: "0.00", fiscalSpecialAccount: "0.00", other: "0.00" },
      otherChannels: "0.00",
    };
  };
  const scale = Number(dept.scale);
  return [
    line("台式计算机", "A02010104", Math.ceil(8 * scale), "0.90"),
    line("激光打印机", "A0201060102", Math.ceil(3 * scale), "1.58"),
  ];
}

/**
 * Six indicators in the 2021 framework: output (three kinds), cost, benefit, satisfaction. Each
 * project of a department sets its own numbers (the `n`th project a little differently), as the
 * finance bureau asks: the same row copied from project to project is a finding
 * (indicator.copied-across-projects), and so is a target that says no number (indicator.vague-target).
 * Each row says how it is scored (评（扣）分标准, 财预〔2021〕101号; indicator.scoring-standard-empty).
 */
function projectIndicators(project: string, amount: string, n: number): Indicator[] {
  const basis = "《三河市2021年市级部门预算编制说明》及往年历史数据";
  const row = (
    level1: string,
    level2: string,
    name: string,
    description: string,
    target: string,
    scoringStandard: string,
  ): Indicator => ({
    level1,
    level2,
    name,
    description,
    target: parseTarget(target),
    basis,
    scoringStandard,
  });
  return [
    row(
      "产出指标",
      "数量指标",
      "开展专项工作次数",
      `全年开展${project}相关工作次数`,
      `>=${12 + 2 * n}次`,
      "达到目标次数得满分，每少 1 次扣 1 分，扣完为止",
    ),
    row(
      "产出指标",
      "质量指标",
      "工作任务完成合格率",
      "完成任务的质量达标比例",
      `>=${95 + n}%`,
      "合格率每低于目标 1 个百分点扣 1 分",
    ),
    row(
      "产出指标",
      "时效指标",
      "任务按时完成率",
      "在规定时限内完成任务的比例",
      `>=${98 - n}%`,
      "按时完成率每低于目标 1 个百分点扣 1 分",
    ),
    row(
      "成本指标",
      "经济成本指标",
      "项目支出控制数",
      "项目支出不超过年度预算",
      `<=${new Money(amount).toDecimalPlaces(2).toString()}万元`,
      "支出控制在预算内得满分，每超出预算 1% 扣 1 分",
    ),
    row(
      "效益指标",
      "社会效益指标",
      "服务对象覆盖率",
      "服务覆盖的对象占应服务对象的比率",
      `>=${90 + n}%`,
      "覆盖率每低于目标 5 个百分点扣 1 分",
    ),
    row(
      "满意度指标",
      "服务对象满意度指标",
      "服务对象满意度",
      "服务对象满意度调查结果",
      `>=${90 + n}%`,
      "满意度每低于目标 1 个百分点扣 0.5 分",
    ),
  ];
}
