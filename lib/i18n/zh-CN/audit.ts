import { adminMessages } from "./admin";
import { reviewMessages } from "./review";
import { securityMessages } from "./security";

/**
 * Strings of the audit log (issue 14): what each action code is called, what its row says in a
 * sentence, and what it was done to. One catalogue for the admin's 审计日志 (/admin/audit), a
 * disclosure's 操作记录 and both exports; lib/security/audit-sentence.ts fills the sentences in
 * from each row's detail, and its test fails if the code can write an action missing here.
 * Included in lib/i18n/zh-CN.ts as `zhCN.audit`.
 */

// An action the pages already name is called by that name here: the button and the log agree.
const steps = reviewMessages.steps;
const admin = adminMessages;

export const auditMessages = {
  /**
   * Every action code the application writes, and every operation's name (a refusal names the
   * operation it refused). A workflow step's row is `disclosure.<step>`, the step's own name.
   * Codes once spelled otherwise read through lib/security/audit-actions.ts's former spellings.
   */
  actions: {
    // Signing in and out, passwords (app/_server/credentials.ts, db/queries/sessions.ts, security-password.ts)
    "user.login": "登录成功",
    "user.login-failed": "登录失败",
    "user.login-locked": "登录被锁定",
    "user.login-disabled": "停用账号尝试登录",
    "user.logout": securityMessages.account.signOut,
    "account.sign-out": securityMessages.account.signOut,
    "user.password-change": "修改本人密码",
    "account.change-password": "修改本人密码",
    "user.password-change-refused": "修改密码被拒",
    "user.reset-password": "重置用户密码",
    "authz.refused": "权限拒绝",
    // Users (db/queries/users.ts)
    "user.create": admin.users.create,
    "user.update": admin.users.edit,
    "user.scope": "修改负责范围",
    "user.set-disabled": "停用或启用用户",
    "user.disable": "停用用户",
    "user.enable": "启用用户",
    "user.import": admin.users.import,
    // Departments and desks (db/queries/departments.ts, users.ts)
    "department.create": admin.departments.create,
    "department.update": admin.departments.edit,
    "department.import": admin.departments.import,
    "desk.create": "新建审核科室",
    "desk.set-approvers": "设置科室审核员",
    // Years, frameworks, rules, return reasons, the indicator library
    "fiscal-year.save": "保存预算年度",
    "fiscal-year.open": "开启预算年度",
    "fiscal-year.create": "新建预算年度",
    "fiscal-year.update": "修改预算年度",
    "fiscal-year.start-drafts": "生成各部门草稿",
    "classification.import": "导入政府收支分类科目",
    "framework.create": "新建指标体系",
    "framework.update": "修改指标体系",
    "framework.delete": admin.frameworks.edit.delete,
    "rule-policy.set": "设置检查规则级别",
    "return-reason.create": "新增退回原因",
    "return-reason.update": "修改退回原因",
    "indicator-library.save": "保存指标库条目",
    "indicator-library.set-active": "启用或停用指标库条目",
    "indicator-library.search": "检索指标库",
    // A disclosure: starting, saving, its workflow, comments (db/queries/disclosures.ts, workflow.ts, review.ts)
    "disclosure.start": "开始年度填报",
    "disclosure.create": "新建信息公开",
    "disclosure.save": "保存",
    "disclosure.save-content": "保存",
    "disclosure.draft-file": "打印草稿",
    "disclosure.submit": steps.submit,
    "disclosure.withdraw": steps.withdraw,
    "disclosure.startReview": steps.startReview,
    "disclosure.start-review": steps.startReview,
    "disclosure.return": steps.return,
    "disclosure.approve": steps.approve,
    "disclosure.publish": steps.publish,
    "publication.publish": steps.publish,
    "disclosure.openRevision": steps.openRevision,
    "publication.open-revision": steps.openRevision,
    "disclosure.explain-warning": "说明提示",
    "disclosure.read-json": "读取信息公开数据",
    "review.comment": reviewMessages.comments.add,
    "review.reply": "回复意见",
    "review.resolve": "解决或重新打开意见",
    "comment.add": reviewMessages.comments.add,
    "comment.reply": "回复意见",
    "comment.resolve": "解决意见",
    "comment.reopen": "重新打开意见",
    // The performance cycle (db/queries/performance-*.ts, app/performance/operations.ts)
    "performance.open-round": "开启绩效监控或自评",
    "performance.save": "保存绩效报告",
    "performance.submit": "提交绩效报告",
    "performance.start-review": "开始审核绩效报告",
    "performance.return": "退回绩效报告",
    "performance.approve": "审核通过绩效报告",
    "performance.publish": "公开绩效自评",
    "portal.performance-file": "下载绩效自评结果",
    // Files in and out
    "import.upload": "上传文件",
    "export.start-year": "导出年度文件",
    "export.download-year": "下载年度导出",
    "year-overview.export": "导出年度总览",
    "audit.export": "导出审计日志",
    "portal.file": "下载公开文件",
    // Reading
    "notice.list": "查看通知",
    "notice.mark-read": "通知标为已读",
    "health.read": "查看运行状态",
  } as Record<string, string>,
  /** A code no version of the application wrote (a row added by hand, say): said, never shown raw. */
  unknownAction: "其他操作",
  system: "系统",

  /** The admin's view of the whole log (/admin/audit) and its exports. */
  log: {
    title: "审计日志",
    intro:
      "系统中每一次登录、失败的登录、权限拒绝和数据变更都记录在此。记录只能追加，不能修改或删除；每条记录的哈希值包含上一条的哈希值，任何篡改都会被发现。",
    chainOk: (rows: number) => `哈希链校验通过：共 ${rows} 条记录，未发现篡改。`,
    chainBroken: (id: number) => `哈希链校验失败：第 ${id} 号记录与链不一致，可能已被篡改。请立即联系安全管理员。`,
    filters: "筛选",
    from: "起始日期",
    to: "截止日期",
    actor: "操作人（用户名）",
    action: "操作类型",
    actionAll: "全部操作",
    entity: "对象（编号或用户名）",
    ip: "来源地址",
    apply: "筛选",
    reset: "清除筛选",
    exportXlsx: "导出 Excel",
    exportCsv: "导出 CSV",
    columns: {
      id: "序号",
      at: "时间",
      actor: "操作人",
      ip: "来源地址",
      action: "操作",
      entity: "对象",
      detail: "详情",
      hash: "哈希（前 12 位）",
    },
    /** The exports' columns beyond the view's: the whole hash, and the row as stored (what the hash covers). */
    exportColumns: { hash: "哈希", record: "原始记录（JSON）" },
    unknownActor: "（未登录）",
    empty: "没有符合条件的记录。",
    shown: (shown: number, total: number) =>
      shown < total
        ? `显示最近 ${shown} 条，共 ${total} 条符合条件；导出文件包含全部 ${total} 条。`
        : `共 ${total} 条记录。`,
    badDate: "日期格式应为 YYYY-MM-DD。",
    sheetName: "审计日志",
    exportNote: (at: string, filter: string, rows: number) =>
      `审计日志（导出于 ${at}${filter ? `；筛选：${filter}` : ""}；共 ${rows} 条）`,
    tooMany: (total: number, max: number) =>
      `符合条件的记录有 ${total} 条，超过单次导出上限 ${max} 条，请缩小日期范围后分批导出。`,
  },

  /** One disclosure's trail (/disclosures/[id]/audit). */
  history: {
    title: reviewMessages.screen.audit,
    intro: "该信息公开的每一次保存和状态变化：谁、何时、从哪里、改了什么。记录只增不改。",
    at: "时间",
    who: "操作人",
    action: "操作",
    from: "来源地址",
    what: "内容",
    empty: "暂无记录。",
    chainOk: (n: number) => `记录链完整（共 ${n} 条，逐条校验哈希）。`,
    chainBroken: "记录链校验失败：有记录被改动过，请联系系统管理员。",
  },

  /** What a row was done to (its entity), as a reader names it. */
  entities: {
    user: (name: string) => `用户 ${name}`,
    signIn: (typed: string) => `登录名“${typed}”`,
    disclosure: (name: string) => `信息公开 ${name}`,
    department: (name: string) => `部门 ${name}`,
    desk: (name: string) => `审核科室 ${name}`,
    fiscalYear: (year: string) => `${year}年度`,
    framework: (id: string) => `指标体系 ${id}`,
    rule: (title: string) => `检查规则“${title}”`,
    returnReason: (code: string) => `退回原因 ${code}`,
    upload: "上传的文件",
    yearExport: "年度导出",
    auditLog: "审计日志",
    libraryEntry: "指标库条目",
    operation: (label: string) => `操作“${label}”`,
    page: (path: string) => `页面 ${path}`,
    bulk: "批量",
    other: "其他",
  },

  /** The row in words: each takes what the row's detail holds, already in words. */
  say: {
    login: "登录成功，开始一次会话。",
    loginFailed: (typed: string, known: boolean) =>
      `以用户名“${typed}”登录失败（${known ? "密码不正确" : "没有这个用户"}）`,
    lockedUntil: (until: string, byAddress: boolean) =>
      `连续失败次数过多，${byAddress ? "该来源地址" : "该账号"}的登录锁定至 ${until}`,
    loginLocked: (typed: string, until: string, byAddress: boolean) =>
      `以用户名“${typed}”登录，因${byAddress ? "该来源地址" : "该账号"}已锁定（至 ${until}）被拒绝。`,
    loginDisabled: "已停用的账号尝试登录，被拒绝。",
    logout: "退出登录，此次会话结束。",
    passwordChanged: (initial: boolean) =>
      initial ? "修改了本人密码（替换管理员设置的初始密码）。" : "修改了本人密码。",
    passwordRefused: "修改本人密码，因当前密码不正确被拒绝。",
    passwordReset: (mustChange: boolean) =>
      mustChange ? "重置了该用户的密码，用户下次登录须先修改密码。" : "重置了该用户的密码。",
    refusedOperation: (label: string, role: string) => `${role}试图执行“${label}”，没有权限，已拒绝。`,
    refusedPage: (path: string, role: string) => `${role}试图打开页面 ${path}，没有权限，已拒绝。`,
    userCreated: (username: string, role: string, scope: string, bulk: boolean) =>
      `新建用户“${username}”，角色为${role}${scope}${bulk ? "（批量导入）" : ""}。`,
    userUpdated: (name: string, role: string, scope: string, roleBefore: string | null) =>
      `将用户资料改为：姓名“${name}”，角色${roleBefore ? `由${roleBefore}改为` : "为"}${role}${scope}。`,
    scope: (departments: number, desks: number) =>
      [
        departments ? `负责 ${departments} 个部门` : "",
        desks ? `${departments ? "、" : "负责 "}${desks} 个审核科室` : "",
      ].join(""),
    scopeChanged: (scope: string) => `将负责范围改为：${scope || "无"}。`,
    disabled: "停用了该用户，其登录全部失效。",
    enabled: "启用了该用户。",
    imported: (fileName: string, count: number, kind: string, names: string) =>
      `从“${fileName}”导入 ${count} 个${kind}：${names}。`,
    moreNames: (names: string, more: number) => (more > 0 ? `${names} 等` : names),
    importedKinds: { users: "用户", departments: "部门" },
    departmentCreated: (code: string, name: string) => `新建部门 ${code} ${name}。`,
    departmentUpdated: (parts: string) => `修改了部门的${parts}。`,
    departmentParts: {
      name: (name: string) => `名称（改为“${name}”）`,
      groupId: "所属审核科室",
      orgUnits: (n: number) => `机构设置（${n} 个单位）`,
    },
    deskCreated: (name: string) => `新建审核科室“${name}”。`,
    approversSet: (before: number, after: number) => `将该科室的审核员由 ${before} 人改为 ${after} 人。`,
    yearSaved: (year: number, framework: string, deadline: string, status: string) =>
      `${year}年度：指标体系 ${framework}，提交截止 ${deadline}，状态为${status}。`,
    yearUpdated: (changes: string) => `修改了年度设置：${changes}。`,
    yearChange: (what: string, before: string, after: string) => `${what}由 ${before} 改为 ${after}`,
    yearFields: { frameworkId: "指标体系", submissionDeadline: "提交截止", status: "状态" },
    noDeadline: "未设置",
    yearOpened: (year: string, drafts: string) => `开启了 ${year}年度${drafts}。`,
    drafts: (carried: number, empty: number) => `，${carried} 个部门的草稿复制自上一年度，${empty} 个为空白草稿`,
    draftsStarted: (carried: number, empty: number) =>
      `为各部门生成草稿：${carried} 个复制自上一年度，${empty} 个为空白草稿。`,
    catalogueImported: (fileName: string, after: number, before: number, changes: string) =>
      `从“${fileName}”导入本年度的政府收支分类科目 ${after} 个（原有 ${before} 个${changes}）。`,
    catalogueChanges: (added: number, removed: number, renamed: number) =>
      [added ? `新增 ${added} 个` : "", removed ? `删去 ${removed} 个` : "", renamed ? `改名 ${renamed} 个` : ""]
        .filter(Boolean)
        .map((part) => `，${part}`)
        .join(""),
    frameworkCreated: (name: string) => `新建指标体系“${name}”。`,
    frameworkUpdated: (name: string, changes: string) => `修改指标体系“${name}”：${changes}。`,
    frameworkDeleted: (name: string) => `删除了指标体系“${name}”。`,
    severitySet: (severity: string) => `将该规则的级别设为“${severity}”。`,
    reasonCreated: (label: string, active: boolean) => `新增退回原因“${label}”${active ? "" : "（停用）"}。`,
    reasonUpdated: (label: string, active: boolean) => `将退回原因改为“${label}”${active ? "，启用" : "，停用"}。`,
    libraryEntrySaved: (created: boolean, name: string) => `${created ? "新增" : "修改"}指标库条目“${name}”。`,
    libraryEntryActive: (active: boolean) => (active ? "启用了该指标库条目。" : "停用了该指标库条目。"),
    disclosureStarted: (year: string, how: string) => `开始 ${year}年度填报：${how}。`,
    startModes: {
      empty: "空白草稿",
      "last-year": "复制上一年度已公开的内容",
      upload: "从上传的文件读取内容",
    } as Record<string, string>,
    disclosureCreated: (year: string, revision: number) => `新建 ${year}年度的信息公开（第 ${revision} 版次）。`,
    revisionOpened: (revision: number, note: string) =>
      `为更正已公开的内容新建第 ${revision} 版次${note ? `，说明：“${note}”` : ""}。`,
    saved: (what: string) => `保存了 ${what}。`,
    savedNothing: "保存（内容未变）。",
    sections: (names: string) => names,
    rows: (kind: string, added: number, updated: number, removed: number) =>
      `${kind} ${[added ? `新增 ${added} 行` : "", updated ? `修改 ${updated} 行` : "", removed ? `删除 ${removed} 行` : ""].filter(Boolean).join("、")}`,
    rowKinds: { projects: "项目", indicators: "绩效指标", procurement: "采购品目" },
    transition: (from: string, to: string) => `将 ${from} 改为 ${to}`,
    reason: (label: string) => `原因：${label}`,
    note: (note: string) => `说明：“${note}”`,
    opinion: (opinion: string) => `审核意见：“${opinion}”`,
    waived: "（导入既往公开：未做提交检查）",
    published: (revision: number, files: number) => `公开第 ${revision} 版次，生成 ${files} 个文件`,
    version: (n: number) => `（第 ${n} 版）`,
    commentAdded: (place: string, body: string) => `在 ${place} 添加意见：“${body}”`,
    commentReplied: (about: string, body: string) => `回复${about}：“${body}”`,
    commentResolved: (about: string) => `将${about}标为已解决`,
    commentReopened: (about: string) => `重新打开${about}`,
    aComment: "一条意见",
    theComment: (place: string, body: string) => `意见（${place}：“${body}”）`,
    warningExplained: (rule: string, explanation: string) => `说明提示“${rule}”：“${explanation}”`,
    warningWithdrawn: (rule: string) => `撤回了提示“${rule}”的说明`,
    uploaded: (fileName: string, size: string, year: string) => `上传文件“${fileName}”（${size}），用于 ${year}年度。`,
    yearExportStarted: (year: string, formats: string) => `开始导出 ${year}年度的公开文件（${formats}）。`,
    auditExported: (format: string, filter: string) =>
      `导出审计日志（${format}）${filter ? `，筛选条件：${filter}` : "，全部记录"}。`,
    filterParts: {
      from: "起始",
      to: "截止",
      actor: "操作人",
      action: "操作",
      entity: "对象",
      ip: "来源地址",
    } as Record<string, string>,
    noticesRead: (n: number) => `将 ${n} 条通知标为已读。`,
    /** Joins a row's phrases into one sentence. */
    join: (parts: readonly string[]) => parts.filter(Boolean).join("，"),
    end: "。",
  },
};
