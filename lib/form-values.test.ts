import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formBoolean, formList } from "./form-values";

describe("formBoolean", () => {
  it("reads what forms and object callers send", () => {
    for (const yes of [true, "true", "on"]) expect(formBoolean.parse(yes)).toBe(true);
    for (const no of [false, "false"]) expect(formBoolean.parse(no)).toBe(false);
  });

  it("refuses anything else rather than guess, and reads an unticked box as no when asked to", () => {
    for (const other of ["yes", "1", "", null, undefined, 1]) expect(formBoolean.safeParse(other).success).toBe(false);
    expect(formBoolean.default(false).parse(undefined)).toBe(false);
  });
});

describe("formList", () => {
  const codes = formList(z.array(z.string().regex(/^\d+$/)).min(1, "至少一个"));

  it("reads one ticked box, several, or none", () => {
    expect(codes.parse("434")).toEqual(["434"]);
    expect(codes.parse(["434", "411"])).toEqual(["434", "411"]);
    expect(formList(z.array(z.string())).parse(undefined)).toEqual([]);
    expect(formList(z.array(z.string())).parse("")).toEqual([]);
  });

  it("checks the list with the schema given", () => {
    expect(codes.safeParse(undefined).error?.issues[0].message).toBe("至少一个");
    expect(codes.safeParse(["x"]).success).toBe(false);
  });
});
