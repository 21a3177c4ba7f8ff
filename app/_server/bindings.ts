import type { AnyOperation } from "./operation";

/**
 * Which operation each exported server action or route handler function runs. The registry test
 * imports every "use server" file and route.ts and looks their exports up here: an export that
 * was not made by serverAction()/routeHandler() has no entry and fails the test.
 */
const bound = new WeakMap<object, AnyOperation | { external: string }>();

export function bind(fn: object, op: AnyOperation | { external: string }): void {
  bound.set(fn, op);
}

export function boundOperation(fn: unknown): AnyOperation | { external: string } | undefined {
  return typeof fn === "function" ? bound.get(fn) : undefined;
}
