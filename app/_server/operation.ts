import { z } from "zod";
import type { Db } from "@/db/client";
import { appendAudit } from "@/db/queries/audit";
import type { Actor, Role } from "@/lib/auth/actor";
import { zhCN } from "@/lib/i18n/zh-CN";
import { securityMessages } from "@/lib/i18n/zh-CN/security";
import { findInputFault } from "@/lib/domain/text-hygiene";
import { asUserFacing, type FailureCode } from "@/lib/errors";

/**
 * Every server action and route handler is an Operation: a name, an input schema, a policy and a
 * body. `executeOperation` runs the same steps for all of them — authenticate, parse, authorise,
 * run, audit — and the Next bindings (action.ts, route.ts) only supply the actor, the database and
 * the transport. No Next imports here, so server-level tests drive operations directly with a
 * chosen actor and their own database.
 */

export type Outcome<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: FailureCode;
      fieldErrors: Record<string, string[]>;
      formError: string | null;
      refs?: Record<string, string>;
    };

export type OperationContext = { db: Db; actor: Actor | null; ip: string | null };
/** What a non-public operation's policy and run receive: the wrapper has turned the anonymous away. */
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

/** The context an operation of this access runs in: only a public one may meet the anonymous. */
export type ContextOf<A extends Access> = A extends { kind: "public" } ? OperationContext : AuthedContext;

/**
 * How a successful mutation is audited, declared so the wrapper knows whether to open a transaction:
 * - byQuery: the query it calls writes the change and its audit row in one transaction of its own,
 *   so none is opened around run (it would only turn the query's into a savepoint: two more
 *   statements on every call, and a refusal the query audits before throwing would be rolled back);
 * - row: run's writes and this row commit together or not at all, in the transaction the wrapper opens.
 * A read declares none: no transaction, no row. Every server action must declare one.
 */
export type AuditPlan<I, O> = { kind: "byQuery" } | { kind: "row"; entry: (input: I, output: O) => AuditEntry };

/**
 * A policy's answer: no, yes, or yes with the facts it judged by (the disclosure's row), which run
 * then receives instead of reading them a second time.
 */
export type PolicyAnswer<F> = boolean | { facts: F };

// policy and run are declared as methods: an operation of one access or facts is then one of any
// (the registry's, a test's helper) without a cast; defineOperation types them exactly.
export type Operation<I = unknown, O = unknown, F = unknown, A extends Access = Access> = {
  name: string;
  kind: "action" | "route";
  /** For route handlers: the method and the app path, for the registry table and error pages. */
  route?: { method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; path: string };
  access: A;
  input: z.ZodType<I>;
  /** Decides with the parsed input (load what it needs from ctx.db, scoped to ctx.actor). */
  policy(ctx: ContextOf<A>, input: I): PolicyAnswer<F> | Promise<PolicyAnswer<F>>;
  /** Receives the facts the policy answered with (undefined when it answered plain yes). */
  run(ctx: ContextOf<A>, input: I, facts: F): Promise<O>;
  audit?: AuditPlan<I, O>;
  /** Runs for a user who must first replace an initial password (only changing it does). */
  allowWhilePasswordMustChange?: boolean;
};

/** Any operation, as the registry and the bindings hold them. */
export type AnyOperation = Operation<never, unknown, unknown>;

const registry = new Map<string, AnyOperation>();
const zodZhCN = z.locales.zhCN().localeError;

/**
 * Declares an operation and enters it in the registry the tests enumerate. The access it declares
 * decides the context its policy and run are typed with: a non-public one's actor is never null.
 */
export function defineOperation<I, O, F = unknown, const A extends Access = Access>(
  op: Operation<I, O, F, A>,
): Operation<I, O, F, A> {
  if (!/^[a-z][a-z0-9.-]*$/.test(op.name)) throw new Error(`operation name must be kebab/dot case: ${op.name}`);
  // Dev-mode module re-evaluation defines the same name again; the newest definition wins.
  registry.set(op.name, op as unknown as AnyOperation);
  return op;
}

export function registeredOperations(): ReadonlyArray<AnyOperation> {
  return [...registry.values()];
}

/**
 * Takes an operation a test defined for itself out of the registry again: test files share a
 * worker's modules, and the files that enumerate the registry must see the app's operations only.
 */
export function forgetOperation(name: string): void {
  registry.delete(name);
}

const fail = (
  code: FailureCode,
  formError: string | null,
  fieldErrors: Record<string, string[]> = {},
  refs: Record<string, string> = {},
): Outcome<never> => ({
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

export async function executeOperation<I, O, F = unknown, A extends Access = Access>(
  op: Operation<I, O, F, A>,
  ctx: OperationContext,
  raw: unknown,
): Promise<Outcome<O>> {
  // The anonymous are turned away before their input is even read.
  if (op.access.kind !== "public" && !ctx.actor) return fail("unauthenticated", zhCN.errors.unauthenticated);
  if (ctx.actor?.mustChangePassword && op.access.kind !== "public" && !op.allowWhilePasswordMustChange)
    return fail("forbidden", securityMessages.account.mustChangeFirst);
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
    // Checked above: an operation that is not public has an actor by now.
    const scoped = ctx as ContextOf<A>;
    const roleAllowed = op.access.kind === "public" || (ctx.actor !== null && op.access.roles.includes(ctx.actor.role));
    const answer = roleAllowed ? await op.policy(scoped, input) : false;
    if (answer === false) {
      // Refused and not signed in: the answer is "sign in" (401), not "not yours" (403).
      if (!ctx.actor) return fail("unauthenticated", zhCN.errors.unauthenticated);
      console.warn(`[authz] refused ${op.name} for ${ctx.actor ? `${ctx.actor.role}:${ctx.actor.id}` : "anonymous"}`);
      await auditRefusal(ctx, op.name);
      return fail("forbidden", zhCN.errors.forbidden);
    }
    const facts = (answer === true ? undefined : answer.facts) as F;
    const audit = op.audit;
    const data =
      audit?.kind === "row"
        ? // The change and its audit row commit together or not at all.
          await ctx.db.transaction(async (tx) => {
            const result = await op.run({ ...scoped, db: tx }, input, facts);
            await appendAudit(tx, {
              ...audit.entry(input, result),
              action: op.name,
              actorId: ctx.actor?.id ?? null,
              ip: ctx.ip,
            });
            return result;
          })
        : await op.run(scoped, input, facts);
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
    await appendAudit(ctx.db, {
      actorId: ctx.actor?.id ?? null,
      ip: ctx.ip,
      action: "authz.refused",
      entityType: "operation",
      entityId: operation,
      detail: { role: ctx.actor?.role ?? null },
    });
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
