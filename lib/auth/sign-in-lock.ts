import { formatDateTime } from "../i18n/format";
import { securityMessages } from "../i18n/zh-CN/security";

/**
 * The sign-in form's messages about identity (issue 8): a lock travels from the credentials check
 * to the form as an error code — next-auth passes an error's message to the browser — so the code
 * carries until when ("AccountLocked:<ISO time>"); a session that ended comes back to /signin with
 * ?error=SessionIdle and the like. Framework-free: the server builds the codes, the form reads them.
 */
const PREFIX = "AccountLocked:";

export const lockedErrorCode = (until: Date) => `${PREFIX}${until.toISOString()}`;

const s = securityMessages.signIn;
const sessionEnded: Record<string, string> = {
  SessionIdle: s.sessionIdle,
  SessionExpired: s.sessionExpired,
  SessionRevoked: s.signedOutElsewhere,
  SignedOut: s.signedOut,
  PasswordChanged: s.passwordChanged,
};

/** The Chinese message for a lock or session code, or null when the code is something else. */
export function securitySignInMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  if (sessionEnded[code]) return sessionEnded[code];
  if (!code.startsWith(PREFIX)) return null;
  const until = new Date(code.slice(PREFIX.length));
  if (Number.isNaN(until.getTime())) return s.locked("15 分钟后");
  return s.locked(formatDateTime(until));
}
