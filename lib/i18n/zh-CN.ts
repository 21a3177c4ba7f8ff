import { adminMessages } from "./zh-CN/admin";
import { errorMessages } from "./zh-CN/errors";
import { budgetTableMessages } from "./zh-CN/budget-tables";
import { editorMessages } from "./zh-CN/editor";
import { gridMessages } from "./zh-CN/grid";
import { importMessages } from "./zh-CN/import";
import { portalMessages } from "./zh-CN/portal";
import { reviewMessages } from "./zh-CN/review";
import { securityMessages } from "./zh-CN/security";
import { opsMessages } from "./zh-CN/ops";
import { inputMessages } from "./zh-CN/input";
import { auditMessages } from "./zh-CN/audit";
import { recordMessages } from "./zh-CN/records";
import { performanceMessages } from "./zh-CN/performance";
import type { DisclosureState } from "../workflow/states";

/**
 * Every string the UI shows, in one place, so that another locale is one more file of the same
 * shape (`typeof zhCN`). Framework-free: server code, components and tests import it alike.
 * Functions are used where a message carries values, so word order stays the translator's choice.
 */
export const zhCN = {
  app: {
    name: "部门预算信息公开工作台",
    shortName: "预算公开工作台",
    description: "部门预算信息公开的填报、审核与发布",
    skipToContent: "跳到正文",
  },
  roles: {
    clerk: "部门填报员",
    approver: "财政局审核员",
    admin: "系统管理员",
  },
  nav: {
    label: "主导航",
    portal: "公开目录",
    workbench: "我的填报",
    review: "审核",
    admin: "管理",
    yearOverview: "年度总览",
    signIn: "登录",
    signOut: "退出",
  },
  states: {
    draft: "草稿",
    submitted: "已提交",
    in_review: "审核中",
    returned: "已退回",
    approved: "审核通过",
    published: "已公开",
  } satisfies Record<DisclosureState, string>,
  common: {
    department: "部门",
    departmentCode: "部门编码",
    fiscalYear: "预算年度",
    yearSuffix: (year: number) => `${year}年`,
    state: "状态",
    deadline: "提交截止",
    revision: "版次",
    revisionN: (n: number) => `第${n}版`,
    updatedAt: "最近更新",
    publishedAt: "公开日期",
    actions: "操作",
    open: "查看",
    none: "无",
    notSet: "未设置",
    amountUnit: "万元",
    back: "返回",
    overdue: "已逾期",
    dueInDays: (days: number) => `剩 ${days} 天`,
    dueToday: "今天截止",
  },
  errors: errorMessages,
  signIn: {
    title: "登录",
    subtitle: "请使用系统管理员分配的账号登录。",
    username: "用户名",
    password: "密码",
    submit: "登录",
    submitting: "正在登录…",
    wrongCredentials: "用户名或密码不正确，请重新输入。",
    disabled: "该账号已停用，请联系系统管理员。",
    usernameRequired: "请输入用户名",
    passwordRequired: "请输入密码",
    providerName: "账号密码",
    unavailable: "登录服务暂不可用，请稍后重试。",
    publicHint: "公众查阅已公开的预算信息无需登录：",
    publicLink: "进入公开目录",
  },
  signOut: {
    title: "退出登录",
    question: "确定要退出当前账号吗？",
    confirm: "退出",
    cancel: "取消",
    signingOut: "正在退出…",
  },
  forbidden: {
    title: "无权访问",
    code: "403",
    body: "您的账号没有查看此页面的权限。若确需访问，请联系系统管理员调整您的角色或负责部门。",
    home: "返回我的首页",
  },
  notFound: {
    title: "页面不存在",
    body: "要找的页面不存在，可能链接有误或内容已被删除。",
    home: "返回首页",
  },
  portal: portalMessages,
  disclosure: {
    pageTitle: "预算信息公开情况说明",
    sectionsLabel: "章节",
    previewNote: "这是按公开格式排版的预览；修改内容请点“继续填报”。",
    reviewNote: "这是按公开格式排版的只读文本；提意见、退回或通过请到审核页面。",
    openReview: "去审核",
    heldNote: "已交财政局，当前状态下内容不能修改；财政局退回后可以继续填报。",
    readOnlyNote: "按公开格式排版的只读文本。",
    emptySection: "本部分尚未填写。",
    responsibilities: "部门职责",
    orgUnits: "机构设置",
    unitName: "单位名称",
    unitNature: "单位性质",
    unitLevel: "单位规格",
    fundingForm: "经费保障形式",
    incomeTotal: "收入预算合计",
    expenditureTotal: "支出预算合计",
    basic: "基本支出",
    personnel: "人员经费",
    publicOperating: "日常公用经费",
    project: "项目支出",
    other: "其他支出",
    priorYear: "上年预算",
    operatingAmount: "机关运行经费",
    threePublicTotal: "“三公”经费合计",
    outbound: "因公出国（境）费",
    vehiclePurchase: "公务用车购置费",
    vehicleOperation: "公务用车运行维护费",
    reception: "公务接待费",
    current: "本年",
    overallGoal: "总体绩效目标",
    projectCount: (n: number, rows: number) => `项目绩效目标表 ${n} 张，指标 ${rows} 条`,
    procurementTotal: "政府采购预算合计",
    procurementItems: (n: number) => `采购品目 ${n} 项`,
    fixedAssetsTotal: "固定资产总额",
    glossaryCount: (n: number) => `名词 ${n} 条`,
  },
  workbench: {
    title: "我的填报",
    intro: "本部门各年度的预算信息公开情况说明。",
    empty: "您负责的部门还没有任何年度的填报记录。",
    noDepartments: "您的账号尚未分配负责部门，请联系系统管理员。",
  },
  workflow: reviewMessages,
  administration: adminMessages,
  imports: importMessages,
  editor: editorMessages,
  grid: gridMessages,
  budgetTables: budgetTableMessages,
  security: securityMessages,
  ops: opsMessages,
  input: inputMessages,
  audit: auditMessages,
  records: recordMessages,
  performance: performanceMessages,
  health: {
    ok: "正常",
    unavailable: "数据库不可用",
  },
};

/** The shape every locale fills in. */
export type Messages = typeof zhCN;
