import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db/client";
import { loadActor } from "@/db/queries/users";
import type { Actor } from "@/lib/auth/actor";
import { authOptions } from "./auth-options";

/**
 * The acting user for this request, or null for the anonymous. The session cookie only says who
 * signed in; role, scope and whether the account is still enabled are read from the database on
 * every request, so disabling a user or changing their departments takes effect at once.
 * `cache` makes the layout, the page and its components share one lookup per request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions());
  const userId = (session?.user as { id?: unknown } | undefined)?.id;
  if (typeof userId !== "string" || !userId) return null;
  // null when the user was deleted or disabled since signing in.
  return loadActor(getDb(), userId);
});

/** For pages only a signed-in user may see: the anonymous go to /signin and come back afterwards. */
export async function requireActor(returnTo?: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(returnTo ? `/signin?callbackUrl=${encodeURIComponent(returnTo)}` : "/signin");
  return actor;
}

/** Ends rendering with the 403 page (app/forbidden.tsx) unless the policy allows. */
export function authorize(allowed: boolean): asserts allowed {
  if (!allowed) forbidden();
}

/** Best-effort client address for the audit log (set by the reverse proxy in production). */
export async function clientIp(): Promise<string | null> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
}
