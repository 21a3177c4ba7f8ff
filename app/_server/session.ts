import { forbidden, redirect } from "next/navigation";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db/client";
import { appendAudit } from "@/db/queries/audit";
import { sessionActor, type SessionEnded } from "@/db/queries/sessions";
import type { Actor } from "@/lib/auth/actor";
import { readSessionCookie, type SessionClaims } from "@/lib/auth/session-cookie";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-token";
import { authSecret } from "./auth-secret";

export const CHANGE_PASSWORD_PATH = "/account/password";

type SessionResult = { actor: Actor | null; ended: SessionEnded | null };

/**
 * The acting user for this request. The session cookie only says who signed in, in which session
 * (and since when: the idle and absolute limits are judged in auth-options.ts and proxy.ts); role,
 * scope, whether the account is still enabled, whether the password changed since
 * (session_version) and whether this session was signed out (user_sessions) are read from the
 * database on every request, in one query, so disabling a user, resetting a password or changing
 * departments takes effect at once, on every device, and a signed-out cookie is worth nothing even
 * copied. `cache`: one lookup per request.
 */
const resolveSession = cache(async (): Promise<SessionResult> => {
  const token = await sessionFromCookie();
  if (!token) return { actor: null, ended: null };
  return sessionActor(getDb(), token);
});

/**
 * The signed cookie's claims while its session is active; null when there is none, it does not
 * decrypt, or it is idle or past its absolute limit — judged as proxy.ts judges it
 * (lib/auth/session-cookie.ts). Not through next-auth's getServerSession, which on every call also
 * makes a CSRF token and encrypts and writes the cookie again (proxy.ts refreshes it once a minute).
 */
async function sessionFromCookie(): Promise<SessionClaims | null> {
  const jar = await cookies();
  const value = SESSION_COOKIE_NAMES.map((name) => jar.get(name)?.value).find(Boolean);
  const read = await readSessionCookie(value, authSecret());
  return read.kind === "active" ? read.claims : null;
}

export const getActor = cache(async (): Promise<Actor | null> => (await resolveSession()).actor);

/**
 * For pages only a signed-in user may see: the anonymous go to /signin and come back afterwards
 * (told why when their session was ended elsewhere); a user who must replace an initial password
 * goes to the change-password page first (that page passes `allowPasswordChange`).
 */
export async function requireActor(returnTo?: string, options: { allowPasswordChange?: boolean } = {}): Promise<Actor> {
  const { actor, ended } = await resolveSession();
  if (!actor) {
    const params = new URLSearchParams();
    if (returnTo) params.set("callbackUrl", returnTo);
    if (ended) {
      params.set("error", ended);
      await clearSessionCookie();
    }
    const query = params.toString();
    redirect(query ? `/signin?${query}` : "/signin");
  }
  if (actor.mustChangePassword && !options.allowPasswordChange) redirect(CHANGE_PASSWORD_PATH);
  return actor;
}

/** Cookies can only be written from actions and route handlers; from a page render this is a no-op. */
async function clearSessionCookie(): Promise<void> {
  try {
    const jar = await cookies();
    for (const name of SESSION_COOKIE_NAMES) if (jar.has(name)) jar.delete(name);
  } catch {
    // rendering a page: proxy.ts clears it on the next request instead
  }
}

/**
 * Ends rendering with the 403 page (app/forbidden.tsx) unless the policy allows. The refusal is
 * written to the audit log on the side (forbidden() has to throw now, synchronously).
 */
export function authorize(allowed: boolean): asserts allowed {
  if (allowed) return;
  void auditPageRefusal();
  forbidden();
}

async function auditPageRefusal(): Promise<void> {
  try {
    const actor = await getActor();
    const h = await headers();
    await appendAudit(getDb(), {
      actorId: actor?.id ?? null,
      ip: await clientIp(),
      action: "authz.refused",
      entityType: "page",
      entityId: h.get("x-pathname") ?? "",
      detail: { role: actor?.role ?? null },
    });
  } catch (error) {
    console.error("[authz] could not audit a refusal", error);
  }
}

/** Best-effort client address for the audit log (set by the reverse proxy in production). */
export async function clientIp(): Promise<string | null> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
}
