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
};
