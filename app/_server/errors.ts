import { zhCN } from "@/lib/i18n/zh-CN";

/**
 * A failure the user should read: its message is Chinese, says what happened and what to do, and
 * is safe to show. Anything thrown that is not user-facing is logged and replaced by a generic
 * message, so internal detail never reaches the browser.
 */
export class UserError extends Error {
  readonly userFacing = true;
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

export class ForbiddenError extends UserError {
  constructor(message: string = zhCN.errors.forbidden) {
    super(message, {}, "forbidden");
  }
}

export class UnauthenticatedError extends UserError {
  constructor() {
    super(zhCN.errors.unauthenticated, {}, "unauthenticated");
  }
}

export type FailureCode = "unauthenticated" | "forbidden" | "invalid-input" | "not-found" | "conflict" | "invalid-state" | "error";

/**
 * Errors other layers mark as user-facing (db/errors.ts DbUserError carries `userFacing` and a
 * `code`): recognised by shape so app/ does not need to know every class.
 */
export function asUserFacing(error: unknown): { message: string; code: FailureCode; fieldErrors: Record<string, string[]>; refs: Record<string, string> } | null {
  if (!(error instanceof Error) || (error as { userFacing?: unknown }).userFacing !== true) return null;
  const rawCode = (error as { code?: unknown }).code;
  const code: FailureCode = isFailureCode(rawCode) ? rawCode : "invalid-input";
  const fieldErrors = error instanceof UserError ? error.fieldErrors : {};
  const refs = error instanceof UserError ? error.refs : {};
  return { message: error.message, code, fieldErrors, refs };
}

const failureCodes: ReadonlySet<string> = new Set(["unauthenticated", "forbidden", "invalid-input", "not-found", "conflict", "invalid-state", "error"]);
function isFailureCode(value: unknown): value is FailureCode {
  return typeof value === "string" && failureCodes.has(value);
}
