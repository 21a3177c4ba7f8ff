import { getDb } from "@/db/client";
import { zhCN } from "@/lib/i18n/zh-CN";
import { crossSiteWrite } from "@/lib/security/same-site";
import { bind } from "./bindings";
import type { FailureCode } from "@/lib/errors";
import { executeOperation, statusOf, type Access, type AnyOperation, type Operation, type Outcome } from "./operation";
import { clientIp, getActor } from "./session";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/** A route handler's answer: JSON of the data, or a Response the operation built itself (files). */
export type RouteResult = Response | unknown;

/** The failure's JSON body: `code` tells a conflict to merge from another 409 (a state that forbids the write). */
export type RouteFailure = {
  code: FailureCode;
  error: string | null;
  fieldErrors: Record<string, string[]>;
  refs?: Record<string, string>;
};

/**
 * Turns an operation into a route handler (`export const GET = routeHandler(op, …)`). The input
 * is built from the path parameters, the query string and, for writes, the JSON body; failures
 * answer with the matching status (401, 403, 400, 404, 409, 500), their code and a Chinese message.
 */
export function routeHandler<I, O, F, A extends Access>(
  op: Operation<I, O, F, A>,
  toInput?: (req: Request, params: Record<string, unknown>) => unknown | Promise<unknown>,
) {
  const handler = async (req: Request, ctx: RouteContext): Promise<Response> => {
    if (crossSiteWrite(req))
      return Response.json(
        { code: "forbidden", error: zhCN.errors.crossSite, fieldErrors: {} } satisfies RouteFailure,
        { status: 403 },
      );
    const params = (await ctx?.params) ?? {};
    let raw: unknown;
    try {
      raw = toInput ? await toInput(req, params) : await defaultInput(req, params);
    } catch {
      return Response.json(
        { code: "invalid-input", error: zhCN.errors.invalidInput, fieldErrors: {} } satisfies RouteFailure,
        { status: 400 },
      );
    }
    let outcome: Outcome<O>;
    try {
      outcome = await executeOperation(op, { db: getDb(), actor: await getActor(), ip: await clientIp() }, raw);
    } catch (error) {
      // Opening the database or reading the session failed before the operation could run.
      console.error(`[route] ${op.name} failed before running`, error);
      return Response.json({ code: "error", error: zhCN.errors.generic, fieldErrors: {} } satisfies RouteFailure, {
        status: 500,
      });
    }
    if (!outcome.ok)
      return Response.json(
        {
          code: outcome.code,
          error: outcome.formError,
          fieldErrors: outcome.fieldErrors,
          ...(outcome.refs ? { refs: outcome.refs } : {}),
        } satisfies RouteFailure,
        { status: statusOf(outcome.code), headers: { "cache-control": "no-store" } },
      );
    if (outcome.data instanceof Response) return outcome.data;
    return Response.json(outcome.data, { headers: { "cache-control": "no-store" } });
  };
  bind(handler, op as unknown as AnyOperation);
  return handler;
}

async function defaultInput(req: Request, params: Record<string, unknown>): Promise<unknown> {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  const body = req.method === "GET" || req.method === "HEAD" ? {} : await req.json();
  return { ...query, ...(body as object), ...params };
}
