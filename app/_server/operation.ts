import { z } from "zod";
import type { Db } from "@/db/client";
import { appendAudit } from "@/db/queries/audit";
import type { Actor, Role } from "@/lib/auth/actor";
import { zhCN } from "@/lib/i18n/zh-CN";
import { securityMessages } from "@/lib/i18n/zh-CN/security";
import { findInputFault } from "@/lib/domain/text-hygiene";
import { asUserFacing, type FailureCode } from "./errors";

/**
 * Every server action and route handler is an Operation: a name, an input schema, a policy and a
 * body. `executeOperation` runs the same steps for all of them — authenticate, parse, authorise,
 * run, audit — and the Next bindings (action.ts, route.ts) only supply the actor, the database and
 * the transport. No Next imports here, so server-level tests drive operations directly with a
 * chosen actor and their own database.
 */

export type Outcome<T> =
  | { ok: true; data: T }
  | { ok: false; code: FailureCode; fieldErrors: Record<string, string[]>; formError: string | null; refs?: Record<string, string> };

export type OperationContext = { db: Db; actor: Actor | null; ip: string | null };
export type AuthedContext = OperationContext & { actor: Actor };

/** What one audit row says about a successful operation (who, when, where and which operation are added). */
export type AuditEntry = { entityType: string; entityId: string; detail?: Record<string, unknown> };

/**
 * Who the operation is for, declared so that the registry test can check the policy against it:
 * - "public": anyone, signed in or not (the portal, the health check);
 * - "scoped": the listed roles, for resources of departments in their scope only;
 * - "global": the listed roles, whatever the department (administration).
 */
export type Access = { kind: "public" } | { kind: "scoped" | "global"; roles: readonly Role[] };

export type Operation<I = unknown, O = unknown> = {
  name: string;
  kind: "action" | "route";
  /** For route handlers: the method and the app path, for the registry table and error pages. */
  route?: { method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; path: string };
  access: Access;
  input: z.ZodType<I>;
  /** Decides with the parsed input (load what it needs from ctx.db, scoped to ctx.actor). */
  policy: (ctx: OperationContext, input: I) => boolean | Promise<boolean>;
  run: (ctx: OperationContext, input: I) => Promise<O>;
  /**
   * The audit row a successful mutation writes, in the same transaction as the change; null when
   * the query it calls already audits in its own transaction. Every server action must say.
   */
  audit?: (input: I, output: O) => AuditEntry | null;
  /** Runs for a user who must first replace an initial password (only changing it does). */
  allowWhilePasswordMustChange?: boolean;
};

/**
 * `audit` for an operation whose query writes its own audit row in its own transaction: the
 * operation then runs without a transaction around it (one that would only turn the query's own
 * into a savepoint, two more statements on every autosave).
 */
export const auditedByQuery = (): null => null;

const registry = new Map<string, Operation<never, unknown>>();
const zodZhCN = z.locales.zhCN().localeError;

/** Declares an operation and enters it in the registry the tests enumerate. */
export function defineOperation<I, O>(op: Operation<I, O>): Operation<I, O> {
  if (!/^[a-z][a-z0-9.-]*$/.test(op.name)) throw new Error(`operation name must be kebab/dot case: ${op.name}`);
  // Dev-mode module re-evaluation defines the same name again; the newest definition wins.
  registry.set(op.name, op as unknown as Operation<never, unknown>);
  return op;
}

export function registeredOperations(): ReadonlyArray<Operation<never, unknown>> {
  return [...registry.values()];
}

const fail = (code: FailureCode, formError: string | null, fieldErrors: Record<string, string[]> = {}, refs: Record<string, string> = {}): Outcome<never> => ({
  ok: false,
  code,
  fieldErrors,
  formError,
  ...(Object.keys(refs).length > 0 ? { refs } : {}),
});

/** zod issues as messages per field path; issues without a path become the form error. */
export function fieldErrorsOf(error: z.ZodError): { fieldErrors: Record<string, string[]>; formError: string | null } {
  // A Map, not an object: a field named "constructor" or "__proto__" (the fuzzer sends them) would
  // otherwise land on Object.prototype's members.
  const fieldErrors = new Map<string, string[]>();
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    if (issue.path.length === 0) {
      formErrors.push(issue.message);
      continue;
    }
    const key = issue.path.map(String).join(".");
    fieldErrors.set(key, [...(fieldErrors.get(key) ?? []), issue.message]);
  }
  return { fieldErrors: Object.fromEntries(fieldErrors), formError: formErrors[0] ?? zhCN.errors.invalidInput };
}

export async function executeOperation<I, O>(op: Operation<I, O>, ctx: OperationContext, raw: unknown): Promise<Outcome<O>> {
  // The anonymous are turned away before their input is even read.
  if (op.access.kind !== "public" && !ctx.actor) return fail("unauthenticated", zhCN.errors.unauthenticated);
  if (ctx.actor?.mustChangePassword && op.access.kind !== "public" && !op.allowWhilePasswordMustChange) return fail("forbidden", securityMessages.account.mustChangeFirst);
  try {
    // What no text may hold (a NUL, half a surrogate pair, a direction override …) and nesting no
    // input of ours has: refused here, while it is still the user's input, before anything walks it.
    const fault = findInputFault(raw);
    if (fault) return fail("invalid-input", fault.message, fault.path ? { [fault.path]: [fault.message] } : {});
    // zh-CN wording for zod's built-in messages (a schema's own messages still win).
    const parsed = op.input.safeParse(raw, { error: zodZhCN });
    if (!parsed.success) {
      const { fieldErrors, formError } = fieldErrorsOf(parsed.error);
      return fail("invalid-input", formError, fieldErrors);
    }
    const input = parsed.data;
    const roleAllowed = op.access.kind === "public" || (ctx.actor !== null && op.access.roles.includes(ctx.actor.role));
    if (!roleAllowed || !(await op.policy(ctx, input))) {
      // Refused and not signed in: the answer is "sign in" (401), not "not yours" (403).
      if (!ctx.actor) return fail("unauthenticated", zhCN.errors.unauthenticated);
      console.warn(`[authz] refused ${op.name} for ${ctx.actor ? `${ctx.actor.role}:${ctx.actor.id}` : "anonymous"}`);
      await auditRefusal(ctx, op.name);
      return fail("forbidden", zhCN.errors.forbidden);
    }
    const audit = op.audit === auditedByQuery ? undefined : op.audit;
    const data = audit
      ? // The change and its audit row commit together or not at all.
        await ctx.db.transaction(async (tx) => {
          const result = await op.run({ ...ctx, db: tx }, input);
          const entry = audit(input, result);
          if (entry) await appendAudit(tx, { ...entry, action: op.name, actorId: ctx.actor?.id ?? null, ip: ctx.ip });
          return result;
        })
      : await op.run(ctx, input);
    return { ok: true, data };
  } catch (error) {
    const known = asUserFacing(error);
    if (known) return fail(known.code, known.message, known.fieldErrors, known.refs);
    console.error(`[operation] ${op.name} failed`, error);
    return fail("error", zhCN.errors.generic);
  }
}

/** A permission refusal is evidence too (issue 8): its own audit row, never blocking the answer. */
async function auditRefusal(ctx: OperationContext, operation: string): Promise<void> {
  try {
    await appendAudit(ctx.db, { actorId: ctx.actor?.id ?? null, ip: ctx.ip, action: "authz.refused", entityType: "operation", entityId: operation, detail: { role: ctx.actor?.role ?? null } });
  } catch (error) {
    console.error(`[authz] could not audit the refusal of ${operation}`, error);
  }
}

/** HTTP status for a failed outcome, shared by every route handler. */
export function statusOf(code: FailureCode): number {
  switch (code) {
    case "unauthenticated":
      return 401;
    case "forbidden":
      return 403;
    case "invalid-input":
      return 400;
    case "not-found":
      return 404;
    case "conflict":
    case "invalid-state":
      return 409;
    case "error":
      return 500;
  }
}
