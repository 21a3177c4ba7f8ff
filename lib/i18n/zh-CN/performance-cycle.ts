/**
 * Strings of the performance cycle's pages and server (issue 17): the rounds the admin opens, the
 * reports the departments fill, their review and publication. The forms' own schema messages, the
 * checks' findings and the score's arithmetic are lib/i18n/zh-CN/performance.ts's (the domain's).
 */
const kinds = { monitoring: "运行监控", self_evaluation: "绩效自评" } as const;

export const performanceCycleMessages = {
  kinds,
  kindShort: { monitoring: "监控", self_evaluation: "自评" } as const,
  /** In order best first: lib/i18n/zh-CN/review.ts grading.grades, as 自评 grades are shown. */
  grades: ["优", "良", "中", "差"] as const,
  things: { report: "绩效报告", round: "绩效工作" },
  round: {
    title: "绩效运行监控与自评",
    intro:
      "按已公开的绩效目标开展：年中运行监控（1–N 月执行情况与全年预计），年度终了后绩效自评（打分定级）。开启后，每个已公开本年度信息公开的部门各得到一份按其公开目标预填的报告。",
    open: (kind: keyof typeof kinds) => `开启${kinds[kind]}`,
    opened: (kind: keyof typeof kinds, n: number) => `已开启${kinds[kind]}，生成 ${n} 个部门的报告。`,
    periodEndMonth: "监控截止月份",
    periodEndMonthHelp: "报告 1 月至该月的执行情况，通常为 7 月。",
    dueDate: "报送截止日期",
    already: (kind: keyof typeof kinds, year: number) => `${year}年度的${kinds[kind]}已经开启，不能重复开启。`,
    noYear: (year: number) => `没有 ${year} 年度，请先在“预算年度”中建立。`,
    nonePublished: (year: number) => `${year}年度还没有已公开的部门信息公开，无法按公开目标开展绩效工作。`,
    badDate: "日期格式应为 YYYY-MM-DD。",
    notOpen: "尚未开启",
    openedAt: (at: string, due: string) => `开启于 ${at}，报送截止 ${due}`,
  },
  progress: {
    title: "进度",
    department: "部门",
    state: "状态",
    due: "截止",
    late: "已逾期",
    submitted: "报送",
    approved: "审核通过",
    published: "公开",
    score: "得分",
    grade: "等级",
    gradeDistribution: "自评等级分布",
    noGrades: "尚无审核通过的自评。",
    lagging: "执行进度滞后的项目",
    laggingNone: "没有执行进度滞后的项目。",
    laggingRow: (project: string, rate: string, time: string) => `${project}：执行率 ${rate}，时间进度 ${time}`,
    counts: (due: number, late: number, submitted: number, approved: number, published: number) =>
      `应报 ${due}，逾期 ${late}，已报送 ${submitted}，审核通过 ${approved}，已公开 ${published}`,
  },
  list: {
    title: "绩效监控与自评",
    workbenchIntro: "本部门按已公开绩效目标填报的运行监控和绩效自评。",
    reviewIntro: "所辖部门报送的运行监控和绩效自评。",
    empty: "暂无绩效报告。",
    year: "年度",
    kind: "类型",
    open: "打开",
    fill: "填写",
  },
  report: {
    title: (year: number, kind: keyof typeof kinds, department: string) => `${department} ${year}年度${kinds[kind]}`,
    evaluates: "依据：本部门已公开的绩效目标表",
    project: "项目",
    budget: "全年预算数（万元）",
    initialBudget: "年初预算数（万元）",
    executed: "执行数（万元）",
    executionRate: "执行率",
    timeProgress: "时间进度",
    indicator: "指标",
    target: "目标值",
    actualToDate: (month: number) => `1–${month}月实际完成值`,
    forecast: "全年预计完成值",
    cause: "偏差原因",
    likelihood: "完成可能性",
    step: "纠偏措施",
    actual: "实际完成值",
    applicable: "适用",
    band: "完成档次",
    percent: "得分比例（%）",
    deviationReason: "偏差原因及改进措施",
    weights: "权重（产出/效益/满意度/预算执行率）",
    weightsReason: "权重调整理由",
    note: "说明",
    score: "得分",
    arithmetic: "计算",
    total: "总分",
    grade: "等级",
    scoreFromServer: "得分和等级由服务器按自评规则计算，保存后更新。",
    save: "保存",
    saving: "正在保存…",
    saved: "已保存",
    unsaved: "有未保存的修改",
    leaveWarning: "有未保存的修改，离开将丢失。确定离开吗？",
    submit: "提交",
    submitted: "已提交，等待财政局审核。",
    readOnly: "当前状态下不能修改，仅供查看。",
    findings: (n: number) => `检查发现 ${n} 个问题`,
    noFindings: "检查未发现问题。",
    comments: "审核意见",
    illustrative: "演示数据（示意）",
    none: "—",
  },
  review: {
    startReview: "开始审核",
    return: "退回",
    approve: "审核通过",
    publish: "公开",
    comment: "退回意见",
    commentHelp: "说明需要修改什么，部门将在报告中看到。",
    reason: "退回原因",
    commentRequired: "退回须写明意见。",
    notThisKind: "只有绩效自评可以公开。",
    wrongRows: "报告的项目和指标与公开的绩效目标不一致，请刷新页面后重新填写。",
    notThisOne: "提交的内容不属于这份报告。",
  },
  portal: {
    title: (year: number) => `${year}年度绩效自评结果`,
    beside: "与绩效目标对照：目标值、实际完成值、得分",
    download: "下载",
    /** The files of a published 自评, by format (lib/export/performance-files.ts EVALUATION_FORMATS). */
    files: {
      pdf: "PDF",
      docx: "Word",
      xlsx: "Excel",
      json: "JSON",
      csv: "CSV",
      datapackage: "数据包",
    },
    project: "项目",
    indicator: "指标",
    target: "目标值",
    unit: "单位",
    direction: "方向",
    actual: "实际完成值",
    score: "得分",
    weight: "分值",
    total: "总分",
    grade: "等级",
    link: "绩效自评结果",
  },
  /** The 自评's Word and PDF (lib/export/performance-files.ts). */
  document: {
    summary: (score: string, grade: string, projects: number) =>
      `总分${score}分，等级${grade}。共${projects}个项目，每个项目按产出、效益、满意度指标和预算执行率的分值计分；不适用的指标不计分，其分值按比例计入其余指标。`,
    project: (p: {
      budget: string;
      executed: string;
      rate: string;
      executionScore: string;
      total: string;
      grade: string;
    }) =>
      `全年预算数${p.budget}万元，执行数${p.executed}万元，执行率${p.rate}（得分${p.executionScore}）。项目得分${p.total}分，等级${p.grade}。`,
    caption: (project: string) => `${project}绩效自评表`,
    headers: ["一级指标", "二级指标", "三级指标", "目标值", "实际完成值", "分值", "得分", "偏差原因及改进措施"],
    notApplicable: "不适用",
    dataPackage: "（数据包）",
    indicatorsResource: "绩效自评指标：目标值、度量单位、方向、实际完成值、分值、得分",
    projectsResource: "绩效自评项目：预算、执行、得分、等级",
  },
  nextYear: {
    lastTarget: "上年目标",
    lastActual: "上年实际",
  },
} as const;
