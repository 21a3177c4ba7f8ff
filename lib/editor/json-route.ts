import type { FailureCode } from "@/lib/errors";
import type { Outcome } from "@/app/_server/operation";
import type { RouteFailure } from "@/app/_server/route";
import { zhCN } from "@/lib/i18n/zh-CN";

/** What a failure status means when the body does not say (a reverse proxy's 502 page, proxy.ts's 413). */
function codeOfStatus(status: number): FailureCode {
  if (status >= 500) return "error";
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not-found";
  return "invalid-input";
}

/**
 * Sends JSON to one of the app's routes (app/_server/route.ts) and reads the answer back as the
 * operation's Outcome, the shape a server action resolves to, so callers handle both alike.
 * Throws only when the server could not be reached at all.
 */
export async function sendJson<O>(method: "POST" | "PUT", url: string, body: unknown): Promise<Outcome<O>> {
  const response = await fetch(url, {
    method,
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
    cache: "no-store",
  });
  const answer: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: answer as O };
  const failure = (typeof answer === "object" && answer !== null ? answer : {}) as Partial<RouteFailure>;
  return {
    ok: false,
    code: failure.code ?? codeOfStatus(response.status),
    formError: failure.error ?? (response.status >= 500 ? zhCN.errors.generic : zhCN.errors.invalidInput),
    fieldErrors: failure.fieldErrors ?? {},
  };
}
