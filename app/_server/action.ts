import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { bind } from "./bindings";
import { executeOperation, type Access, type AnyOperation, type Operation, type Outcome } from "./operation";
import { clientIp, getActor } from "./session";

/**
 * FormData values are strings and repeated keys are lists; turning them into a plain object lets
 * the operation's zod schema coerce deliberately (z.coerce / z.stringbool) rather than guessing here.
 */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue; // React's own bookkeeping fields
    const values = form.getAll(key);
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

/**
 * Turns an operation into a server action. Export the result from a "use server" file:
 *
 *   export const disableUser = serverAction(disableUserOperation, { revalidate: ["/admin"] });
 *
 * Callable with an object, with FormData (`<form action>`), or as `useActionState`'s
 * `(previousState, formData)`. Always resolves to an Outcome; it never throws to the browser.
 */
export function serverAction<I, O, F, A extends Access>(
  op: Operation<I, O, F, A>,
  options: { revalidate?: string[] } = {},
) {
  const action = async (...args: [unknown] | [unknown, unknown]): Promise<Outcome<O>> => {
    const payload = args.length === 2 ? args[1] : args[0];
    const raw = payload instanceof FormData ? formDataToObject(payload) : payload;
    const outcome = await executeOperation(op, { db: getDb(), actor: await getActor(), ip: await clientIp() }, raw);
    if (outcome.ok) for (const path of options.revalidate ?? []) revalidatePath(path);
    return outcome;
  };
  bind(action, op as unknown as AnyOperation);
  return action;
}
