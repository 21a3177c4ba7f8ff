import { severityWords } from "./severity";
/**
 * Strings of starting a year's draft (issue 4 item 5): the start page, uploads, the preview of
 * what was read, and the refusals. Included in lib/i18n/zh-CN.ts as `zhCN.imports`.
 */
const MB = 1024 * 1024;
/** Rounded up, so a file just over the limit never reads as equal to it. */
const megabytes = (bytes: number) => {
  const mb = Math.ceil((bytes / MB) * 10) / 10;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
};

export const importMessages = {
  start: {
    title: "新建年度填报",
    button: "新建年度填报",
    intro: "为本部门开始一个新预算年度的信息公开草稿。接受之前不会保存任何内容。",
    department: "部门",
    fiscalYear: "预算年度",
    chooseHeading: "1. 选择部门和年度",
    modeHeading: "2. 选择开始方式",
    noOpenYears: "目前没有开放填报的预算年度，请联系财政局。",
    exists: (year: number, state: string) => `该部门${year}年度已有填报（${state}），不能再新建。`,
    openExisting: "打开已有填报",
    lastYear: {
      title: "沿用上年内容",
      recommended: "推荐",
      body: "复制上年的文字、机构、项目和绩效指标；上年的数字填入“上年数”一列，本年数字先按上年填入，供您修改。",
      source: (year: number, revision: number, state: string) => `来源：${year}年 第${revision}版（${state}）`,
      noSource: "没有可沿用的上年度信息公开。",
      action: "预览上年内容",
    },
    upload: {
      title: "上传文件",
      body: "上年已公开的信息公开文本（.txt，UTF-8 或 GBK）、Word 文件（.docx）、JSON，或 Excel/CSV 绩效指标表。",
      fileLabel: "选择文件",
      limit: (bytes: number) => `不超过 ${megabytes(bytes)}`,
      action: "上传并预览",
      uploading: (percent: number) => `正在上传… ${percent}%`,
      reading: "正在读取文件…",
      chooseFirst: "请先选择要上传的文件。",
      failed: "上传未能完成，请检查网络后重试。",
    },
    empty: {
      title: "空白开始",
      body: "只带入部门名称、编码、当前机构设置和本年度的指标体系，其余内容从头填写。",
      action: "创建空白草稿",
    },
    creating: "正在创建…",
  },
  preview: {
    uploadTitle: "核对读取结果",
    lastYearTitle: "核对上年内容",
    intro: "请核对下面读取到的内容。确认无误后点击“接受并创建草稿”；如有问题，可以返回修改文件后重新上传。",
    lastYearIntro: "以下内容将复制到新草稿。确认后点击“接受并创建草稿”。",
    accept: "接受并创建草稿",
    back: "返回重新上传",
    backToStart: "返回",
    file: "文件",
    size: "大小",
    format: "格式",
    encoding: "编码",
    expires: "保留至",
    target: "将创建",
    targetValue: (department: string, year: number) => `${department} ${year}年度草稿`,
    formats: {
      text: "信息公开文本",
      json: "JSON（标准格式）",
      docx: "Word 文件（.docx）",
      xlsx: "Excel 绩效指标表（.xlsx）",
      delimited: "CSV/制表符分隔的绩效指标表",
    },
    encodings: { "utf-8": "UTF-8", gb18030: "GBK/GB18030", "utf-16le": "UTF-16", "utf-16be": "UTF-16" } as Record<
      string,
      string
    >,
    carried: (from: number, to: number) =>
      `文件是${from}年度的信息公开：接受后生成${to}年度草稿，文件中的${from}年数字填入“上年数”一列，本年数字先按上年填入。`,
    lastYearSource: (year: number, revision: number, state: string) => `来源：${year}年 第${revision}版（${state}）。`,
    lastYearCarried: (from: number, to: number) =>
      `${from}年的数字已填入${to}年草稿的“上年数”一列，本年数字先按上年填入，供您修改；增减原因留空待填。`,
    /** What carrying last year's indicators into this year's framework moved (lib/domain/carry-forward.ts frameworkMoves). */
    frameworkMoved: (framework: string, from: string, to: string, rows: ReadonlyArray<string>, more: number) =>
      `按${framework}，${rows.length + more} 行指标由“${from}”移至“${to}”：${rows.join("、")}${more > 0 ? "等" : ""}。`,
    movedRow: (project: string, row: number, name: string) => `${project} 第 ${row} 行“${name}”`,
    sameYear: (year: number) => `文件是${year}年度的信息公开，将原样作为草稿内容。`,
    departmentDiffers: (stated: string, target: string) => `文件中的部门为“${stated}”，将按“${target}”创建草稿。`,
    sheetBase: "绩效指标表只填充项目绩效目标表；其余章节为空白，部门名称、编码和机构设置按部门资料带入。",
    summaryHeading: "读取到的内容",
    figuresHeading: "主要数字（万元）",
    projectsHeading: "项目绩效目标表",
    findingsHeading: "检查结果",
    problemsHeading: "未能读取的内容",
    noProblems: "文件已全部读取，没有无法识别的内容。",
    noFindings: "未发现问题。",
    findingsSummary: (errors: number, warnings: number, infos: number) =>
      `${severityWords.error} ${errors} 项，${severityWords.warning} ${warnings} 项，${severityWords.info} ${infos} 项`,
    moreFindings: (n: number) => `另有 ${n} 项，创建草稿后可在检查面板中查看。`,
    severity: severityWords,
    problemsCount: (n: number) => `${n} 处`,
    counts: {
      responsibilities: (n: number) => `职责 ${n} 条`,
      orgUnits: (n: number) => `机构 ${n} 个`,
      projects: (n: number, indicators: number) => `项目 ${n} 个 / 指标 ${indicators} 条`,
      filled: "已填写",
      empty: "空",
    },
    figure: "项目",
    yearColumn: (year: number) => `${year}年`,
    findingsInSection: (n: number) => `${n} 项待核对`,
    indicatorsOf: (project: string) => `${project}的绩效指标`,
    columns: { rowNumber: "序号", level1: "一级指标", level2: "二级指标", name: "三级指标", target: "指标值" },
    procurementTotal: "政府采购预算",
    projectName: "项目名称",
    projectAmount: "金额（万元）",
    indicatorCount: "指标数",
    showIndicators: "查看指标",
    sheet: (name: string) => `工作表“${name}”`,
    sheetSkipped: (name: string) => `工作表“${name}”没有绩效指标表，已跳过。`,
    line: (n: number) => `第${n}行`,
  },
  refused: {
    tooLarge: (size: number, limit: number) =>
      `文件大小为 ${megabytes(size)}，超过 ${megabytes(limit)} 的上限。请删去文件中的图片，或只上传文字和表格部分。`,
    empty: "文件是空的，请选择要导入的文件。",
    zipNotOffice: (name: string) => `“${name}”是压缩文件，但不是 Word（.docx）或 Excel（.xlsx）文件，无法读取。`,
    brokenZip: (name: string) =>
      `“${name}”看起来是 Word 或 Excel 文件，但已损坏，无法打开。请在 Word/Excel 中重新保存后再上传。`,
    legacyOffice: (name: string) =>
      `“${name}”是旧版 Word/Excel 格式（.doc/.xls），无法读取。请在 Word/Excel 中“另存为” .docx 或 .xlsx 后再上传。`,
    pdf: (name: string) =>
      `“${name}”是 PDF 文件，无法读取其中的表格。请上传 Word（.docx）、文本（.txt）或 Excel（.xlsx）文件。`,
    image: (name: string) => `“${name}”是图片文件，无法读取。请上传 Word（.docx）、文本（.txt）或 Excel（.xlsx）文件。`,
    binary: (name: string, reason: string) =>
      `“${name}”不是可读取的文件（${reason}）。请上传信息公开文本（.txt）、Word（.docx）、JSON 或 Excel/CSV 绩效指标表。`,
    tooBig: (name: string) => `“${name}”解压后过大，无法读取。`,
    unreadable: (name: string, reason: string) => `未能从“${name}”读取信息公开内容：${reason}`,
    noIndicators: (name: string) => `“${name}”中没有找到绩效指标表（应有“一级指标”“二级指标”“三级指标”“指标值”等列）。`,
    laterYear: (fileYear: number, year: number) =>
      `文件是${fileYear}年度的信息公开，不能用来新建${year}年度的草稿。请上传${year}年或以前年度的文件。`,
    uploadExpired: "上传的文件已过期或不存在（上传的文件只保留 24 小时），请重新上传。",
    duplicate: (department: string, year: number) =>
      `${department}${year}年度的信息公开已存在，不能再新建。请打开已有的填报继续。`,
    closedYear: (year: number) => `${year}年度已关闭填报，不能再新建。如需补报，请联系财政局。`,
    unknownYear: (year: number) => `${year}年度尚未设立，请联系财政局。`,
    noLastYear: (year: number) => `没有${year - 1}年或以前年度的信息公开可以沿用，请选择“空白开始”或“上传文件”。`,
    fileRequired: "请选择要上传的文件。",
  },
  /**
   * A file over the bounds of reading one upload (lib/import/upload/limits.ts), for every reader:
   * the clerk's upload and its preview, the admin's sheet imports, the CLI. Each names the file and the bound.
   */
  parseLimits: {
    rows: (name: string, max: number) =>
      `文件“${name}”超过 ${max.toLocaleString("en-US")} 行，超出了一次能读取的上限，已停止读取。请检查是否选错了文件；内容确实这么多时，请拆成几个文件分别上传。`,
    cells: (name: string, max: number) =>
      `文件“${name}”的单元格超过 ${max.toLocaleString("en-US")} 个，超出了一次能读取的上限，已停止读取。请删去无关的工作表、行和列，或拆成几个文件分别上传。`,
    lines: (name: string, max: number) =>
      `文件“${name}”超过 ${max.toLocaleString("en-US")} 行文字，超出了一次能读取的上限，已停止读取。请检查是否选错了文件。`,
    timeout: (name: string, seconds: number) =>
      `解析文件“${name}”超时（超过 ${seconds} 秒），已停止。文件可能过大或结构异常：请在 Office 或 WPS 中另存后重试，或拆成几个文件上传。`,
    memory: (name: string, megabytes: number) =>
      `解析文件“${name}”所需的内存超过 ${megabytes} MB 的上限，已停止。文件可能过大或结构异常：请删去无关内容后重试。`,
    busy: (name: string) => `服务器正在读取其他人上传的文件，暂时无法读取“${name}”，请稍后再试。`,
  },
  /** Reading the standard budget tables from a workbook (lib/import/budget-tables.ts). */
  budgetTables: {
    notWorkbook: (name: string) => `“${name}”不是 Excel（.xlsx）工作簿，无法读取预算公开表。`,
    noTables: (name: string) =>
      `“${name}”中没有找到预算公开表（工作表标题应为“部门收支总表”“部门支出总表”等，表头有“科目编码”“项目”等列）。`,
    missing: (table: string) => `没有找到${table}，按空表处理。`,
    yuan: (table: string) => `${table}以元为单位，已换算为万元（保留两位小数）。`,
    rounded: (table: string, row: number, raw: string, amount: string) =>
      `${table}第 ${row} 行：${raw} 元换算为 ${amount} 万元时舍入了不足 0.01 万元的部分。`,
    notNumber: (table: string, row: number, column: string, raw: string) =>
      `${table}第 ${row} 行“${column}”的“${raw}”不是金额，未导入。`,
    noColumn: (table: string, column: string) => `${table}缺少“${column}”列，按空白处理。`,
    subtotal: (table: string, row: number, label: string, stated: string, computed: string) =>
      `${table}第 ${row} 行${label}为 ${stated}，各下级科目之和为 ${computed}：汇总数不另存，以下级科目之和为准。`,
    unknownLine: (table: string, row: number, label: string) =>
      `${table}第 ${row} 行“${label}”不是本表的项目，未导入。`,
    filled: (label: string, amount: string) => `文字中未写${label}，已按预算公开表填入 ${amount}。`,
  },
};
