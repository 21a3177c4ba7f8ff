import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("正确的密码 correct horse");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword("正确的密码 correct horse", hash)).toBe(true);
    expect(await verifyPassword("正确的密码 correct horsf", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("refuses malformed or hostile stored hashes without throwing", async () => {
    for (const stored of [
      "",
      "plain",
      "scrypt$1$8$1$abc$def",
      "scrypt$1073741824$8$1$abc$def",
      "bcrypt$2$8$1$abc$def",
      "scrypt$16384$8$1$$",
    ]) {
      expect(await verifyPassword("x", stored)).toBe(false);
    }
  });

  it("generates distinct, typeable passwords", () => {
    const a = generatePassword();
    expect(a).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
    expect(generatePassword()).not.toBe(a);
  });
});
