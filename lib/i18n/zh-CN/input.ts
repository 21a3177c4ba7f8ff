/**
 * Strings of what any input may hold (issue 13): characters that cannot be stored or that would
 * make a text read otherwise than it is stored, figures beyond what a spreadsheet keeps, more rows
 * than a disclosure may hold, data nested deeper than any of ours. Included in lib/i18n/zh-CN.ts as `zhCN.input`. Framework-free:
 * the domain's schema, the importers and the server's input check say the same words.
 */
export const inputMessages = {
  text: {
    nul: (at: number) => `第 ${at} 个字符是空字符（NUL，常见于从其他程序复制的文字），无法保存，请删除后重试。`,
    surrogate: (at: number) =>
      `第 ${at} 个字符是残缺的字符（不成对的 UTF-16 代理码元，常见于被截断的表情符号或生僻字），无法保存，请删除后重新输入。`,
    control: (code: string, at: number) => `第 ${at} 个字符是不可见的控制字符（${code}），无法保存，请删除后重试。`,
    bidi: (code: string, at: number) =>
      `第 ${at} 个字符是看不见的文字方向控制符（${code}），会使显示出的文字与实际内容不一致，不能保存；请删除它（也可清空此栏后重新输入）。`,
    /** Where an invisible character is, for a clerk looking for it in Word or a text editor. */
    after: (excerpt: string) => `（紧接在“${excerpt}”之后）`,
    atStart: "（位于开头）",
  },
  figures: {
    amountTooLong: (digits: number) =>
      `金额最多 ${digits} 位整数（Excel 只能准确保存 15 位有效数字），请核对单位是否为万元。`,
    decimalTooLong: (digits: number) => `数值最多 ${digits} 位数字（Excel 只能准确保存 15 位有效数字）。`,
    weightRange: (max: number) => `权重须在 0 到 ${max} 之间。`,
    countTooLarge: (max: number) => `数量不能超过 ${max}。`,
  },
  /** The most rows one disclosure may hold (lib/domain/limits.ts): said at the table that is over. */
  rows: {
    projects: (count: number, max: number) =>
      `项目共 ${count} 个，超过每份信息公开最多 ${max} 个的上限。请删去或合并部分项目后再保存。`,
    indicators: (count: number, max: number) =>
      `绩效指标共 ${count} 条，超过每份信息公开最多 ${max} 条的上限。请删去部分指标后再保存。`,
    procurementItems: (count: number, max: number) =>
      `政府采购品目共 ${count} 项，超过每份信息公开最多 ${max} 项的上限。请删去或合并部分品目后再保存。`,
    tableRows: (count: number, max: number) =>
      `本表共 ${count} 行，超过每张预算公开表最多 ${max} 行的上限。请合并部分科目或项目后再保存。`,
  },
  structure: {
    tooDeep: (max: number) => `内容嵌套超过 ${max} 层，不是本系统能处理的数据，已拒绝。`,
    jsonTooDeep: (max: number) => `JSON 嵌套超过 ${max} 层，不是部门预算信息公开的数据。`,
  },
  upload: {
    /** An uploaded file refused for what it holds at a place (第12行, 五、预算绩效信息, a field). */
    refused: (name: string, where: string, message: string) => `“${name}”不能导入，${where}：${message}`,
    more: (n: number) => `另有 ${n} 处需要修改。`,
  },
};
