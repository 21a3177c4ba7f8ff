/**
 * Strings of the performance cycle (运行监控, 自评, next year's targets against last year's
 * results): the forms' schema messages, the checks' findings and the score's arithmetic as shown
 * beside each row. Framework-free: the domain (lib/domain/performance), the checks
 * (lib/rules/performance.ts) and the pages say the same words.
 */
export const performanceMessages = {
  shape: {
    cause: "请选择偏差原因：经费保障、制度保障、人员保障、硬件条件保障或其他",
    likelihood: "请选择完成目标可能性：确定能、有可能或完全不可能",
    band: "请选择完成档次：达成、部分达成或未达成",
    bandPercent: (band: string, low: number, high: number) => `“${band}”的得分比例须在 ${low}% 到 ${high}% 之间`,
    month: "监控截止月份须在 1 到 12 之间",
    weightWhole: "权重须为 0 到 100 的整数",
    weightSum: (sum: number) => `产出、效益、满意度、预算执行率的权重合计须为 100，现为 ${sum}`,
    weightsReason: "权重与“产出 50、效益 30、满意度 10、预算执行率 10”不同，请说明理由",
  },
  /** The working beside each row of a 自评 (lib/domain/performance/scoring.ts). */
  score: {
    positive: (actual: string, target: string, points: string, raw: string) =>
      `实际 ${actual} ÷ 目标 ${target} × ${points} 分 = ${raw} 分`,
    reverse: (target: string, actual: string, points: string, raw: string) =>
      `目标 ${target} ÷ 实际 ${actual} × ${points} 分 = ${raw} 分`,
    reverseNone: (target: string, actual: string, points: string, score: string) =>
      `反向指标实际 ${actual}，不高于目标 ${target}，得满分 ${points} 分 = ${score} 分`,
    zeroTarget: (actual: string, target: string, met: boolean, score: string) =>
      `目标 ${target}，实际 ${actual}，${met ? "达到目标，得满分" : "未达到目标，不得分"} = ${score} 分`,
    capped: (points: string) => `，以满分 ${points} 分为限`,
    floored: "，最低 0 分",
    band: (band: string, percent: string, points: string, score: string) =>
      `${band} ${percent}% × ${points} 分 = ${score} 分`,
    execution: (rate: string, points: string, raw: string) => `执行率 ${rate}% × ${points} 分 = ${raw} 分`,
    bandMissing: "定性指标请选择完成档次（达成、部分达成、未达成）并填写得分比例",
    actualMissing: "请填写实际完成值",
    actualUnreadable: (value: string) => `实际完成值“${value}”不是数字，无法计分`,
    targetUnreadable: "指标值为负数，无法按比例计分",
    executionMissing: "请填写全年预算数和全年执行数（预算数不为 0）",
    notApplicable: "本年不适用，不计分；其余指标按比例折算为 100 分",
  },
  /** The checks of both forms (lib/rules/performance.ts). */
  checks: {
    titles: {
      budgetFigures: "每个项目填写全年预算数和执行数，预算数不为 0",
      executionLag: "预算执行率不明显落后于时间进度",
      monitoringValues: "每个指标填写实际完成值和全年预计完成值，定量指标填数字",
      deviation: "预计完不成目标的指标写明偏差原因、完成可能性和纠偏措施",
      selfEvaluationValues: "每个适用指标填写实际完成值（定量指标填数字），定性指标选择完成档次",
      deviationReason: "未得满分的指标写明偏差原因及改进措施",
    },
    budgetLabel: "全年预算数",
    executedLabel: "预算执行数",
    figureMissing: (project: string, what: string) => `${project}未填写${what}`,
    budgetZero: (project: string) => `${project}的全年预算数为 0，无法计算执行率`,
    executionLag: (project: string, month: number, rate: string, progress: string, behind: string, allowed: number) =>
      `${project}1–${month}月预算执行率 ${rate}%，落后时间进度 ${progress}% 共 ${behind} 个百分点（超过 ${allowed} 个百分点）`,
    executionLagHint: "请说明执行慢的原因，并在纠偏措施中写明如何加快执行",
    actualToDateLabel: (month: number) => `1–${month}月实际完成值`,
    forecastLabel: "全年预计完成值",
    valueMissing: (row: string, what: string) => `${row}：请填写${what}`,
    valueUnreadable: (row: string, what: string, value: string) =>
      `${row}：${what}“${value}”不是数字，请填写数字（可带单位）`,
    forecastMisses: (row: string, forecast: string, target: string) =>
      `${row}：全年预计完成值 ${forecast} 达不到指标值“${target}”，`,
    deviationMissing: "请选择偏差原因和完成目标可能性，并填写纠偏措施",
    stepMissing: "请填写纠偏措施",
    reasonMissing: (row: string, score: string, points: string) =>
      `${row}：得分 ${score} 分，未得满分 ${points} 分，请填写偏差原因及改进措施`,
  },
};
