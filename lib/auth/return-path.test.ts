import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./return-path";

const ORIGIN = "https://budget.example.gov.cn";

describe("the place to return to after signing in", () => {
  it.each([
    ["/workbench", "/workbench"],
    ["/disclosures/abc/edit?section=budget#row-3", "/disclosures/abc/edit?section=budget#row-3"],
    ["/admin/years/2020?tab=late", "/admin/years/2020?tab=late"],
    // The site's own absolute address (next-auth's default callbackUrl is the whole page URL).
    [`${ORIGIN}/review`, "/review"],
    // Encoded characters stay encoded: a path on this site, not an instruction to the browser.
    ["/%09/evil.example/x", "/%09/evil.example/x"],
    ["/%2F/evil.example", "/%2F/evil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
  ])("accepts %j as %j", (input, expected) => {
    expect(sameOriginPath(input, ORIGIN)).toBe(expected);
  });

  it.each([
    // Tabs and line breaks are dropped by the browser: "//evil.example/x".
    "/\t/evil.example/x",
    "/\n/evil.example/x",
    "/\r/evil.example/x",
    "/\r\n/evil.example/x",
    "\t//evil.example/x",
    // Backslashes are slashes to the browser.
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\\/evil.example",
    // Protocol-relative and absolute addresses of other sites.
    "//evil.example",
    "///evil.example",
    "https://evil.example/",
    "http://budget.example.gov.cn/", // another origin: another scheme
    "https://budget.example.gov.cn.evil.example/",
    "https://budget.example.gov.cn@evil.example/",
    // Dot segments that leave a path starting with "//".
    "/.//evil.example",
    "/a/..//evil.example",
    "/%2e//evil.example",
    // Not web addresses at all.
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    // Loops and the API.
    "/signin",
    "/signin?callbackUrl=/admin",
    "/signout",
    "/api/auth/signout",
    "",
  ])("refuses %j", (input) => {
    expect(sameOriginPath(input, ORIGIN)).toBeNull();
  });

  it("refuses what is not a string", () => {
    for (const input of [undefined, null, 42, ["/workbench"], { href: "/workbench" }])
      expect(sameOriginPath(input, ORIGIN)).toBeNull();
  });

  it("whatever it is given, what it answers is a path that a browser reads as this site", () => {
    const hostile = fc.string({
      unit: fc.constantFrom(
        "/",
        "\\",
        "\t",
        "\n",
        "\r",
        " ",
        ".",
        ":",
        "@",
        "%",
        "0",
        "9",
        "e",
        "v",
        "i",
        "l",
        "#",
        "?",
        "\u3000",
        "\u0000",
      ),
      maxLength: 24,
    });
    fc.assert(
      fc.property(hostile, (input) => {
        const path = sameOriginPath(input, ORIGIN);
        if (path === null) return true;
        // As a Location header or an href: resolved against any page of the site.
        return path.startsWith("/") && !path.startsWith("//") && new URL(path, `${ORIGIN}/a/b`).origin === ORIGIN;
      }),
      { numRuns: 2000 },
    );
  });
});
