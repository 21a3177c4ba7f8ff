import { securityMessages } from "../i18n/zh-CN/security";

/**
 * The one password policy (等级保护 2.0 三级 身份鉴别; ASVS 2.1): at least 12 characters, at least
 * three of four kinds (upper case, lower case, digits, anything else — a Chinese character counts
 * as "anything else"), never containing the username, never a well-known password. Every place a
 * password is set calls it: creating users, the admin's reset, the change-password page, the demo
 * seed. Framework-free, so the browser form shows the same messages before the server repeats them.
 */

export const PASSWORD_MIN_LENGTH = 12;
// scrypt does not care, but a 10,000-character "password" is a request-size attack, not a password.
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = "too-short" | "too-long" | "classes" | "contains-username" | "common";

const m = securityMessages.password;

/**
 * Passwords seen at the top of leaked-password lists and in Chinese offices, as typed (lower
 * case). Only those that could otherwise pass the length and class rules matter here.
 */
const COMMON = new Set([
  "password1234",
  "password12345",
  "password123456",
  "password@123",
  "password@1234",
  "password!234",
  "passw0rd1234",
  "passw0rd@123",
  "p@ssw0rd1234",
  "p@ssword1234",
  "p@ssw0rd123!",
  "qwerty123456",
  "qwertyuiop123",
  "qwer1234asdf",
  "1qaz2wsx3edc",
  "1qaz@wsx3edc",
  "1qaz!qaz2wsx",
  "zaq12wsxcde3",
  "1q2w3e4r5t6y",
  "1q2w3e4r5t6y7u",
  "q1w2e3r4t5y6",
  "abc123456789",
  "abcd12345678",
  "abc@12345678",
  "abcd@1234567",
  "aa123456789!",
  "aa1234567890",
  "a1234567890!",
  "admin1234567",
  "admin@123456",
  "admin@12345",
  "administrator1",
  "administrator@1",
  "welcome@1234",
  "welcome12345",
  "iloveyou1234",
  "woaini131452",
  "woaini1314520",
  "woaini@1314",
  "china@123456",
  "changeme1234",
  "letmein12345",
  "sunshine1234",
  "1234567890ab",
  "1234567890qw",
  "123456789abc",
  "12345678abcd",
  "123456abcdef",
  "123456789aa!",
  "88888888aaaa",
  "a12345678910",
  "asdf1234asdf",
  "asdfghjkl123",
  "zxcvbnm12345",
  "test@1234567",
  "root@1234567",
]);
/** Words that, padded with digits and symbols at either end, are still the same guess ("Password2024!"). */
const COMMON_STEMS = new Set([
  "password",
  "passw0rd",
  "p@ssw0rd",
  "p@ssword",
  "qwerty",
  "qwertyuiop",
  "admin",
  "administrator",
  "welcome",
  "iloveyou",
  "woaini",
  "changeme",
  "letmein",
  "abcdef",
  "abcdefg",
  "abc",
]);

/** The kinds of character present: upper, lower, digit, other. */
export function characterClasses(password: string): number {
  const kinds = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/];
  return kinds.filter((re) => re.test(password)).length;
}

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return true;
  const stem = lower.replace(/^[^a-z@]+|[^a-z]+$/g, "");
  return COMMON_STEMS.has(stem);
}

/** Every rule the password breaks, in the order a person fixes them. Empty when it is acceptable. */
export function passwordProblems(password: string, username?: string | null): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  // Characters as people count them: a Chinese character is one, not two UTF-16 units.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push("too-short");
  if (length > PASSWORD_MAX_LENGTH) problems.push("too-long");
  if (characterClasses(password) < 3) problems.push("classes");
  const name = username?.trim().toLowerCase();
  if (name && name.length >= 3 && password.toLowerCase().includes(name)) problems.push("contains-username");
  if (isCommon(password)) problems.push("common");
  return problems;
}

export function passwordProblemMessage(problem: PasswordProblem): string {
  switch (problem) {
    case "too-short":
      return m.tooShort(PASSWORD_MIN_LENGTH);
    case "too-long":
      return m.tooLong(PASSWORD_MAX_LENGTH);
    case "classes":
      return m.classes;
    case "contains-username":
      return m.containsUsername;
    case "common":
      return m.common;
  }
}

/** The zh-CN messages for a password, for a form field or an error. */
export function passwordMessages(password: string, username?: string | null): string[] {
  return passwordProblems(password, username).map(passwordProblemMessage);
}
