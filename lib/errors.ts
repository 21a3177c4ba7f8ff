import { zhCN } from "./i18n/zh-CN";
import type { DisclosureState } from "./workflow/states";

/**
 * The one hierarchy of failures a user may read. Every layer throws these — the operations in
 * app/, the queries in db/, the readers in lib/ (a sheet or an upload refused) — and the operation
 * wrapper (app/_server/operation.ts) shows a UserError's Chinese message with its code; anything
 * else thrown is logged with its detail and answered with a generic message, so internal detail
 * never reaches the browser. Framework-free: the CLI and the tests use them alike.
 */

/** How a refusal is classified: the HTTP status of a route handler, the branch of a caller. */
export const failureCodes = [
  "unauthenticated",
  "forbidden",
  "invalid-input",
  "not-found",
  "conflict",
  "invalid-state",
  "error",
] as const;
export type FailureCode = (typeof failureCodes)[number];

/** A failure the user should read: its message is Chinese, says what happened and what to do, and is safe to show. */
export class UserError extends Error {
  constructor(
    message: string,
    /** Messages for individual fields, keyed by the input's field path ("username", "rows.2.target"). */
    readonly fieldErrors: Record<string, string[]> = {},
    readonly code: FailureCode = "invalid-input",
    /** Records the refusal points at, for the page to link to ({ existingId: "…" }): ids, not words. */
    readonly refs: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The user-facing failure an error is, or null for anything else (a fault of ours: log it, say nothing of it). */
export function asUserFacing(error: unknown): UserError | null {
  return error instanceof UserError ? error : null;
}

export class UnauthenticatedError extends UserError {
  constructor() {
    super(zhCN.errors.unauthenticated, {}, "unauthenticated");
  }
}

/** In scope to read but not to do this: "您没有权限{action}。" (an approver saving a department's figures), or the plain refusal. */
export class ForbiddenError extends UserError {
  constructor(action?: string) {
    super(action === undefined ? zhCN.errors.forbidden : zhCN.errors.forbiddenTo(action), {}, "forbidden");
  }
}

/** Absent, or outside the acting user's scope: the two are indistinguishable on purpose. */
export class NotFoundError extends UserError {
  constructor(what: string = zhCN.records.things.disclosure) {
    super(zhCN.errors.notFoundOf(what), {}, "not-found");
  }
}

/** Someone else saved or moved the disclosure since the caller read it (optimistic locking). */
export class ConflictError extends UserError {
  constructor(
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(zhCN.errors.versionConflict(expectedVersion, currentVersion), {}, "conflict");
  }
}

/** The disclosure's state does not allow this ("当前状态（已提交）下不能修改内容。"). */
export class StateError extends UserError {
  constructor(
    readonly state: DisclosureState,
    action: string,
  ) {
    super(zhCN.errors.stateRefuses(zhCN.states[state] ?? state, action), {}, "invalid-state");
  }
}
