import { describe, expect, it } from "vitest";
import { generateCompliantPassword } from "./compliant-password";
import { characterClasses, passwordMessages, passwordProblems } from "./password-rules";

describe("password rules", () => {
  it("accepts the demo and e2e password and generated ones", () => {
    expect(passwordProblems("e2e-演示-Passw0rd", "clerk")).toEqual([]);
    expect(passwordProblems("Sanhe-2021-budget", "approver2")).toEqual([]);
    for (let i = 0; i < 50; i++) expect(passwordProblems(generateCompliantPassword("admin"), "admin")).toEqual([]);
  });

  it("counts characters as people do: twelve Chinese characters and symbols are long enough", () => {
    expect(passwordProblems("预算公开工作台密码很长1a", null)).toEqual([]);
    expect(passwordProblems("预算公开1aA", null)).toEqual(["too-short"]);
  });

  it("needs three of four kinds of character", () => {
    expect(characterClasses("abcdefgh")).toBe(1);
    expect(characterClasses("abcDEF12")).toBe(3);
    expect(characterClasses("ab-预算")).toBe(2);
    expect(passwordProblems("alllowercaseletters", null)).toEqual(["classes"]);
    expect(passwordProblems("lowercase-and-symbols", null)).toEqual(["classes"]);
    expect(passwordProblems("lowercase-and-digits-2021", null)).toEqual([]);
  });

  it("refuses the username inside the password, whatever the case", () => {
    expect(passwordProblems("My-Clerk434-pass", "clerk434")).toEqual(["contains-username"]);
    expect(passwordProblems("My-CLERK434-pass", "clerk434")).toEqual(["contains-username"]);
    // Two-letter usernames would forbid half the alphabet's pairs: only names of three or more count.
    expect(passwordProblems("Zhang-Li-2021x", "li")).toEqual([]);
  });

  it("refuses well-known passwords and their padded forms", () => {
    for (const common of [
      "Password@123",
      "P@ssw0rd1234",
      "1qaz@WSX3edc",
      "Admin@123456",
      "Qwerty123456",
      "Password2024!",
      "WoAiNi1314520",
    ])
      expect(passwordProblems(common, null)).toContain("common");
    expect(passwordProblems("Passw0rd-for-budget-2021", null)).toEqual([]);
  });

  it("says every problem in Chinese, in the order to fix them", () => {
    expect(passwordMessages("clerk1", "clerk1")).toEqual([
      "密码至少需要 12 个字符。",
      "密码须至少包含大写字母、小写字母、数字、符号中的三类。",
      "密码不能包含用户名。",
    ]);
    expect(passwordMessages(`${"x".repeat(129)}A1`, null)[0]).toBe("密码不能超过 128 个字符。");
  });
});
