/**
 * The sentences of an error (lib/errors.ts and the error page). Their own file: the error page is a
 * client component on every page, and importing the whole catalogue put it in every page's script.
 */
export const errorMessages = {
  generic: "操作未能完成，请稍后重试。如果问题持续，请联系系统管理员。",
  unauthenticated: "登录已失效，请重新登录。",
  forbidden: "您没有执行此操作的权限。",
  invalidInput: "填写的内容有误，请按提示修改。",
  notFound: "要找的内容不存在或已被删除。",
  crossSite: "请求来自其他网站，已拒绝。请在本系统的页面中操作。",
  retry: "重试",
  // The sentences of lib/errors.ts's classes; what is missing or refused comes from zhCN.records.
  notFoundOf: (what: string) => `${what}不存在，或您无权查看。`,
  forbiddenTo: (action: string) => `您没有权限${action}。`,
  stateRefuses: (state: string, action: string) => `当前状态（${state}）下不能${action}。`,
  versionConflict: (expected: number, current: number) =>
    `该信息公开已被他人修改（您打开的是第 ${expected} 版，当前为第 ${current} 版）。请刷新查看最新内容后再保存，您填写的内容仍保留在页面上。`,
} as const;
