import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// An operator's message, printed at startup in both languages (server logs are often read by
// whoever runs the machine, not the bureau's staff), so it stays here rather than in the UI strings.
export const MISSING_SECRET_MESSAGE =
  "AUTH_SECRET（或 NEXTAUTH_SECRET）未设置：生产环境必须设置一个至少 32 字节的随机字符串，" +
  "例如 `openssl rand -base64 32`，否则无法安全地签发登录会话。服务器拒绝启动。" +
  " / AUTH_SECRET (or NEXTAUTH_SECRET) is not set: production needs a random secret of 32+ bytes.";

function fromEnv(): string | undefined {
  return process.env.AUTH_SECRET?.trim() || process.env.NEXTAUTH_SECRET?.trim() || undefined;
}

/**
 * The key that signs session cookies. Production refuses to run without one from the environment;
 * in development a random one is generated once and kept in .data/ so that sessions survive a
 * restart and every process of the dev server agrees on it.
 */
export function authSecret(): string {
  const configured = fromEnv();
  if (configured) return configured;
  if (process.env.NODE_ENV === "production") throw new Error(MISSING_SECRET_MESSAGE);
  const file = path.resolve(".data", "dev-auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** True when a production server would start without a secret (checked at startup). */
export function missingProductionSecret(): boolean {
  return process.env.NODE_ENV === "production" && !fromEnv();
}
