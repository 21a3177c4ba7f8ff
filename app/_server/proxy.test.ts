import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "../../proxy";

/** The proxy only redirects the anonymous; everything else is decided by the pages themselves. */
describe("proxy", () => {
  it("sends a request without a session cookie to /signin, keeping where it was going", () => {
    const response = proxy(new NextRequest("http://localhost:3000/admin/years/2020?tab=late"));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("http://localhost:3000/signin?callbackUrl=%2Fadmin%2Fyears%2F2020%3Ftab%3Dlate");
  });

  it("lets a request with a session cookie through (the page verifies it)", () => {
    for (const cookie of ["next-auth.session-token=x", "__Secure-next-auth.session-token=x"]) {
      const response = proxy(new NextRequest("http://localhost:3000/workbench", { headers: { cookie } }));
      expect(response.headers.get("location")).toBeNull();
      expect(response.headers.get("x-middleware-next")).toBe("1");
    }
  });

  it("leaves the public pages, the sign-in page and the API out of its matcher", () => {
    const matchers = config.matcher.map((m) => new RegExp(`^${m.replace("/:path*", "(/.*)?")}$`));
    const matched = (path: string) => matchers.some((re) => re.test(path));
    expect(["/", "/signin", "/disclosures/x", "/api/health", "/api/auth/session"].filter(matched)).toEqual([]);
    expect(["/home", "/workbench", "/review", "/admin", "/admin/years/2020", "/signout"].every(matched)).toBe(true);
  });
});
