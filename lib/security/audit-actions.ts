import { auditMessages } from "../i18n/zh-CN/audit";

/**
 * Which action codes the audit log holds and what each is called. An operation that audits itself
 * writes its own name (app/_server/operation.ts); a workflow step writes `disclosure.<step>`
 * (db/queries/workflow.ts); the rest are written by the queries and the sign-in listed below. The
 * catalogue's test (audit-actions.test.ts) collects all three and fails on a code without a label,
 * and on a code written in the source that is none of them.
 */

/** Codes written by something other than an operation of the same name. */
export const nonOperationAuditActions = [
  // app/_server/credentials.ts, db/queries/sessions.ts, db/queries/security-password.ts
  "user.login",
  "user.login-failed",
  "user.login-locked",
  "user.login-disabled",
  "user.logout",
  "user.password-change",
  "user.password-change-refused",
  // app/_server/operation.ts and session.ts: a refused operation or page
  "authz.refused",
  // db/queries/users.ts: user.set-disabled writes the outcome; setUserScope its own row
  "user.disable",
  "user.enable",
  "user.scope",
  // db/queries/settings.ts: the seed's upsert, and the year fiscal-year.open creates
  "fiscal-year.save",
  "fiscal-year.create",
  // db/queries/disclosures.ts: every new disclosure row, whichever operation made it
  "disclosure.create",
  // db/queries/disclosure-save.ts: what disclosure.save-content and the imports save
  "disclosure.save",
  // db/queries/review.ts: review.comment, review.reply and review.resolve's rows
  "comment.add",
  "comment.reply",
  "comment.resolve",
  "comment.reopen",
] as const;

/**
 * Codes once written under another spelling (issue 14 settled one each: the operation's name).
 * Stored rows keep theirs (each row's hash covers its action), and read as the current code.
 */
export const formerSpellings: Readonly<Record<string, string>> = {
  "group.create": "desk.create",
  "desk.approvers": "desk.set-approvers",
  "user.password": "user.reset-password",
  "warning.explain": "disclosure.explain-warning",
};

/** The code a stored action means today. */
export function currentSpelling(action: string): string {
  return Object.hasOwn(formerSpellings, action) ? formerSpellings[action] : action;
}

/** The code and its former spellings: what a filter on it must match. */
export function spellingsOf(action: string): string[] {
  const current = currentSpelling(action);
  return [current, ...Object.keys(formerSpellings).filter((old) => formerSpellings[old] === current)];
}

export function hasAuditLabel(action: string): boolean {
  return Object.hasOwn(auditMessages.actions, currentSpelling(action));
}

/** What the action is called; a code no version wrote is never shown raw. */
export function auditActionLabel(action: string): string {
  return hasAuditLabel(action) ? auditMessages.actions[currentSpelling(action)] : auditMessages.unknownAction;
}

/** A row that warns of an attack or a mistake: a refusal, a failed or locked sign-in. */
export function isAlarmingAction(action: string): boolean {
  return (
    action.startsWith("authz.") || action.includes("failed") || action.includes("locked") || action.endsWith("-refused")
  );
}
