/**
 * Strings of the database layer's refusals (db/queries): what is missing, what is refused, what a
 * stored record will not take. The sentences they fill in are zhCN.errors' (notFoundOf,
 * forbiddenTo, stateRefuses), thrown as lib/errors.ts's classes. Messages the admin's forms
 * already say (a username taken, a year that exists) are the forms' own (./admin.ts), not copied
 * here. Included in lib/i18n/zh-CN.ts as `zhCN.records`.
 */
export const recordMessages = {
  /** What was not found, before "不存在，或您无权查看。". */
  things: {
    disclosure: "该信息公开",
    user: "该用户",
    department: "该部门",
    desk: "该科室",
    comment: "该意见",
    file: "该文件",
    exportFile: "该导出文件",
    publication: "该公开版本",
    fiscalYear: (year: number) => `${year}预算年度`,
    returnReason: (code: string) => `退回原因“${code}”`,
  },
  /** What is refused, after "您没有权限" or "当前状态（…）下不能". */
  actions: {
    editDepartmentDisclosure: "修改该部门的信息公开",
    editContent: "修改内容",
    viewYearOverview: "查看年度总览",
    viewPublications: "查看发布列表",
    viewDisclosureTrail: "查看该信息公开的操作记录",
    startYearDrafts: "为各部门生成草稿",
    comment: "在当前状态下对该信息公开提意见（开始审核后由审核员提出）",
    reply: "在当前状态下回复该意见",
    resolve: "在当前状态下解决该意见",
    reopen: "在当前状态下重新打开该意见",
  },
  users: {
    onlyClerkDepartments: "只有部门填报员可以分配部门。",
    onlyApproverDesks: "只有财政局审核员可以分配科室。",
  },
  departments: {
    deskExists: (name: string) => `科室“${name}”已存在。`,
    codeAndNameRequired: "请填写部门编码和名称。",
    codeTaken: (code: string) => `部门编码“${code}”已被使用。`,
  },
  settings: {
    frameworkExists: (id: string) => `指标体系“${id}”已存在。`,
  },
  disclosures: {
    exists: (department: string, year: number) => `${department}${year}年度的信息公开已存在，请打开它继续填报。`,
    notThisOne: (code: string, year: number, savingCode: string, savingYear: number) =>
      `内容属于 ${code} 部门 ${year} 年度，与正在保存的 ${savingCode} 部门 ${savingYear} 年度不符。`,
    unknownFramework: (id: string) => `指标体系“${id}”不存在。`,
  },
  review: {
    anchorGone: "意见所指的位置已不存在，请刷新页面后重试。",
    replyRequired: "请填写回复内容。",
  },
  publishing: {
    reasonTooLong: (max: number) => `更正原因请控制在 ${max} 字以内。`,
    revisionExists: (revision: number) => `第 ${revision} 版已存在，请在该版上继续修订。`,
  },
};
