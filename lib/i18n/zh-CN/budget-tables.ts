/**
 * The budget tables in the editor (section 附 部门预算公开表, components/budget-tables): every label
 * and message the table grid shows. The tables' own titles, column and line labels are the
 * reference's (lib/domain/budget-tables.ts), not repeated here.
 */
export const budgetTableMessages = {
  intro:
    "按《政府收支分类科目》填写各表。类、款小计和合计由系统汇总，不需填写；文字部分（二、三、四节）的数字取自这些表。",
  tablesLabel: "预算公开表",
  unit: "单位：万元",
  noTables: "本填报还没有预算公开表。",
  startTables: "开始填写预算公开表",
  code: "科目编码",
  name: "科目名称",
  unitCode: "单位代码",
  unitName: "单位名称",
  projectCode: "功能分类科目",
  projectName: "项目名称",
  total: "合计",
  subtotal: "小计（自动汇总）",
  computed: "自动计算",
  addRow: "添加一行",
  removeRow: (n: number) => `删除第 ${n} 行`,
  remove: "删除",
  emptyNoteLabel: "空表说明",
  emptyNoteHint: "本表没有数字时，公开时在表下方显示这段说明。",
  emptyTable: "本表为空表",
  cellLabel: (table: string, row: string, column: string) => `${table} ${row} ${column}`,
  rowN: (n: number) => `第 ${n} 行`,
  notAmount: (text: string) => `“${text}”不是金额，请填写万元数，如 1062.44`,
  tooManyDecimals: "金额以万元为单位，最多两位小数",
  editHint: "输入即可覆盖，F2 或双击修改原内容；Enter 确认并下移，Tab 右移，Esc 取消；科目可输入编码或名称后从列表选择",
  pickHint: "↑↓ 选择，Enter 确认",
  noMatch: "本年科目中没有匹配项",
  catalogueYear: (year: number, source: number) =>
    year === source ? `${year}年《政府收支分类科目》` : `${year}年科目尚未导入，按${source}年科目`,
  noCatalogue: "本年度尚无《政府收支分类科目》，科目编码不做核对。",
  findingsOfTable: (n: number) => `本表有 ${n} 条检查结果`,
  filledCount: (n: number) => `已填 ${n} 张表`,
  priorYearNote: "上年数取自上年公开的预算公开表（从上年复制时自动填入）。",
} as const;
