import { generatePassword } from "./password";
import { passwordProblems } from "./password-rules";

/**
 * A random password that satisfies the password rules for this user: initial passwords, resets,
 * the demo. Kept apart from password-rules.ts because that file also runs in the browser and this
 * one needs node:crypto.
 */
export function generateCompliantPassword(username?: string | null): string {
  for (;;) {
    const candidate = generatePassword();
    if (passwordProblems(candidate, username).length === 0) return candidate;
  }
}
