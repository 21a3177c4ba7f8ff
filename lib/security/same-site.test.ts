import { describe, expect, it } from "vitest";
import { crossSiteWrite, siteOrigin } from "./same-site";

const put = (headers: Record<string, string>) =>
  new Request("http://127.0.0.1:3000/api/disclosures/x/content", { method: "PUT", headers });

describe("a write from another site", () => {
  it("is refused when its Origin names another host than the one it reached", () => {
    expect(crossSiteWrite(put({ host: "budget.example.gov.cn", origin: "https://evil.example" }))).toBe(true);
    expect(
      crossSiteWrite(put({ host: "budget.example.gov.cn", origin: "https://budget.example.gov.cn.evil.example" })),
    ).toBe(true);
    // A sandboxed frame or a file sends "null".
    expect(crossSiteWrite(put({ host: "budget.example.gov.cn", origin: "null" }))).toBe(true);
  });

  it("goes on from the app's own pages, behind a reverse proxy too, and when no Origin is sent", () => {
    expect(crossSiteWrite(put({ host: "budget.example.gov.cn", origin: "https://budget.example.gov.cn" }))).toBe(false);
    expect(
      crossSiteWrite(
        put({
          host: "127.0.0.1:3000",
          "x-forwarded-host": "budget.example.gov.cn",
          origin: "https://budget.example.gov.cn",
        }),
      ),
    ).toBe(false);
    expect(crossSiteWrite(put({ host: "budget.example.gov.cn" }))).toBe(false);
  });

  it("does not concern reads", () => {
    expect(
      crossSiteWrite(
        new Request("http://127.0.0.1:3000/api/notices", { headers: { host: "a", origin: "https://evil.example" } }),
      ),
    ).toBe(false);
  });
});

describe("the site's own origin", () => {
  it("is the host the browser addressed, behind a reverse proxy too", () => {
    expect(siteOrigin(new Headers({ host: "127.0.0.1:3000" }))).toBe("http://127.0.0.1:3000");
    expect(
      siteOrigin(
        new Headers({
          host: "127.0.0.1:3000",
          "x-forwarded-host": "budget.example.gov.cn, 10.0.0.1",
          "x-forwarded-proto": "https",
        }),
      ),
    ).toBe("https://budget.example.gov.cn");
  });

  it("falls back when the host is missing or is not a host", () => {
    expect(siteOrigin(new Headers())).toBe("http://localhost");
    expect(siteOrigin(new Headers({ host: "a b/c" }))).toBe("http://localhost");
  });
});
