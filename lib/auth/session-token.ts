import hkdf from "@panva/hkdf";
import { EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";
import { randomUUID } from "node:crypto";

/**
 * The session cookie, in exactly next-auth's format (a JWE, `dir` + A256GCM, with a key derived
 * from the secret by HKDF-SHA256 as next-auth/jwt derives it), so next-auth's sign-in, sign-out
 * and getServerSession read what this writes and the other way round. The difference: the derived
 * key is kept per secret instead of being derived again for every cookie read and written — three
 * HKDF runs per request, the largest single cost of a small server action under load
 * (lib/tools/bench/suites/load.ts).
 */

/** next-auth's cookie names: the `__Secure-` one over HTTPS. */
export const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

const INFO = "NextAuth.js Generated Encryption Key";
// Same as next-auth/jwt: it accepts tokens up to 15 s past their expiry.
const CLOCK_TOLERANCE_SECONDS = 15;
const keys = new Map<string, Promise<Uint8Array>>();

function derivedKey(secret: string | Buffer, salt = ""): Promise<Uint8Array> {
  const id = `${salt}\u0000${typeof secret === "string" ? secret : secret.toString("base64")}`;
  let key = keys.get(id);
  if (!key) {
    key = hkdf(
      "sha256",
      typeof secret === "string" ? secret : new Uint8Array(secret),
      salt,
      `${INFO}${salt ? ` (${salt})` : ""}`,
      32,
    );
    // A secret rotates rarely; should many ever pass through one process, start afresh.
    if (keys.size > 16) keys.clear();
    keys.set(id, key);
  }
  return key;
}

type Secret = string | Buffer;
export type SessionTokenParams = { token?: Record<string, unknown>; secret: Secret; maxAge?: number; salt?: string };

const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;

export async function encodeSessionToken({
  token = {},
  secret,
  maxAge = DEFAULT_MAX_AGE,
  salt = "",
}: SessionTokenParams): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token as JWTPayload)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAge)
    .setJti(randomUUID())
    .encrypt(await derivedKey(secret, salt));
}

/** The token's claims, or null when there is none; throws when it does not decrypt or has expired (as next-auth's does). */
export async function decodeSessionToken({
  token,
  secret,
  salt = "",
}: {
  token?: string;
  secret: Secret;
  salt?: string;
}): Promise<Record<string, unknown> | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, await derivedKey(secret, salt), {
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  });
  return payload as Record<string, unknown>;
}
