import { zhCN } from "@/lib/i18n/zh-CN";

/**
 * The database layer's known failures. Each carries a zh-CN message fit to show the user and a
 * stable `code` for the caller to branch on; anything else thrown from db/ is a bug to log.
 */
export class DbUserError extends Error {
  readonly userFacing = true;
  constructor(
    readonly code: "conflict" | "not-found" | "forbidden" | "invalid-state" | "invalid-input",
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Someone else saved or moved the disclosure since the caller read it (optimistic locking). */
export class ConflictError extends DbUserError {
  constructor(
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super("conflict", `该信息公开已被他人修改（您打开的是第 ${expectedVersion} 版，当前为第 ${currentVersion} 版）。请刷新查看最新内容后再保存，您填写的内容仍保留在页面上。`);
  }
}

/** Absent, or outside the acting user's scope: the two are indistinguishable on purpose. */
export class NotFoundError extends DbUserError {
  constructor(what = "该信息公开") {
    super("not-found", `${what}不存在，或您无权查看。`);
  }
}

/** In scope to read but not to do this (an approver saving a department's figures). */
export class ForbiddenError extends DbUserError {
  constructor(action: string) {
    super("forbidden", `您没有权限${action}。`);
  }
}

export class StateError extends DbUserError {
  constructor(
    readonly state: string,
    action: string,
  ) {
    super("invalid-state", `当前状态（${stateLabels[state] ?? state}）下不能${action}。`);
  }
}

export class InvalidInputError extends DbUserError {
  constructor(message: string) {
    super("invalid-input", message);
  }
}

const stateLabels: Record<string, string> = zhCN.states;
