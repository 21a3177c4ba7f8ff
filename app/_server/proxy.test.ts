import { decode, encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { config, proxy } from "../../proxy";

/**
 * The proxy: a CSP nonce on every response, the session clock (idle 30 min, absolute 12 h by
 * default), the forced password change, and the anonymous sent to /signin. Real tokens, sealed
 * with the same next-auth functions and secret the server uses.
 */
const secret = "proxy-test-secret-0123456789-0123456789";
beforeAll(() => {
  process.env.AUTH_SECRET = secret;
});

const now = () => Math.floor(Date.now() / 1000);
async function cookieFor(claims: Record<string, unknown>): Promise<string> {
  const token = await encode({
    token: { sub: "u1", name: "n", role: "clerk", sv: 1, sid: "6f1c1a52-3a6e-4d7e-9f43-1f5b2b8e0c11", ...claims },
    secret,
    maxAge: 12 * 3600,
  });
  return `next-auth.session-token=${token}`;
}
const request = (path: string, cookie?: string) =>
  new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} });

describe("proxy", () => {
  it("sends a request without a session cookie to /signin, keeping where it was going", async () => {
    const response = await proxy(request("/admin/years/2020?tab=late"));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(
      "http://localhost:3000/signin?callbackUrl=%2Fadmin%2Fyears%2F2020%3Ftab%3Dlate",
    );
  });

  it("puts a fresh nonce CSP on every response and hands the nonce to Next", async () => {
    const a = await proxy(request("/"));
    const b = await proxy(request("/signin"));
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    // Next reads the policy from the request it renders (x-middleware-override-headers).
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(a.headers.get("x-middleware-next")).toBe("1");
  });

  it("lets an active session through without rewriting its cookie within the minute", async () => {
    const response = await proxy(request("/workbench", await cookieFor({ sat: now() - 600, lst: now() - 10 })));
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(response.cookies.get("next-auth.session-token")).toBeUndefined();
  });

  it("refreshes the last-seen time of an active session at most once a minute", async () => {
    // The clock is read once: the sign-in time must come back as sent, whichever second it is now.
    const signedInAt = now() - 600;
    const response = await proxy(request("/workbench", await cookieFor({ sat: signedInAt, lst: signedInAt + 480 })));
    const refreshed = response.cookies.get("next-auth.session-token");
    expect(refreshed?.httpOnly).toBe(true);
    const token = await decode({ token: refreshed!.value, secret });
    expect(Math.abs((token!.lst as number) - now())).toBeLessThanOrEqual(2);
    expect(token!.sat).toBe(signedInAt);
  });

  it("ends a session idle for 30 minutes: cookie cleared, sign-in says why", async () => {
    const response = await proxy(request("/workbench", await cookieFor({ sat: now() - 3600, lst: now() - 31 * 60 })));
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get("location")!).searchParams.get("error")).toBe("SessionIdle");
    expect(response.cookies.get("next-auth.session-token")?.value).toBe("");
  });

  it("ends a session past its absolute limit however busy it is", async () => {
    const response = await proxy(request("/review", await cookieFor({ sat: now() - 13 * 3600, lst: now() - 5 })));
    expect(new URL(response.headers.get("location")!).searchParams.get("error")).toBe("SessionExpired");
  });

  it("treats a forged cookie as an ended session and an API call with it as anonymous", async () => {
    const page = await proxy(request("/admin", "next-auth.session-token=forged"));
    expect(new URL(page.headers.get("location")!).searchParams.get("error")).toBe("SessionExpired");
    const api = await proxy(request("/api/notices", "next-auth.session-token=forged"));
    expect(api.headers.get("location")).toBeNull();
    expect(api.headers.get("x-middleware-request-cookie") ?? "").not.toContain("forged");
  });

  it("sends a user who must change an initial password to /account/password, and lets that page through", async () => {
    const cookie = await cookieFor({ sat: now() - 60, lst: now() - 5, mcp: true });
    const home = await proxy(request("/workbench", cookie));
    expect(home.headers.get("location")).toBe("http://localhost:3000/account/password");
    const disclosure = await proxy(request("/disclosures/abc", cookie));
    expect(disclosure.headers.get("location")).toBe("http://localhost:3000/account/password");
    const account = await proxy(request("/account/password", cookie));
    expect(account.headers.get("location")).toBeNull();
  });

  it("refuses a write from another site's page, a server action included, with 403 in Chinese", async () => {
    const action = (origin: string) =>
      new NextRequest("http://localhost:3000/workbench", {
        method: "POST",
        headers: { host: "localhost:3000", origin, "next-action": "7f00", "content-type": "text/plain;charset=UTF-8" },
        body: "[]",
      });
    const refused = await proxy(action("https://evil.example"));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "forbidden", error: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect((await proxy(action("http://localhost:3000"))).status).toBe(200);
  });

  it("refuses a body sent without its size once it is past the limit: 413, saying how large", async () => {
    let left = 13;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (left-- > 0) controller.enqueue(new Uint8Array(1024 * 1024));
        else controller.close();
      },
    });
    const upload = new NextRequest("http://localhost:3000/api/imports?department=x&year=2022", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=b" },
      body,
      duplex: "half",
    } as never);
    const refused = await proxy(upload);
    expect(refused.status).toBe(413);
    expect((await refused.json()).error).toBe("上传的文件大于 11 MB，超过了 10 MB 的上限。");
  });

  it("covers pages, actions and the API, and leaves the build's static files alone", () => {
    const source = new RegExp(`^${config.matcher[0].source.replace("/((?!", "/(?!").replace(").*)", ").*")}$`);
    for (const path of ["/", "/signin", "/workbench", "/api/health", "/disclosures/x"])
      expect(source.test(path), path).toBe(true);
    for (const path of ["/_next/static/chunks/a.js", "/_next/image", "/favicon.ico"])
      expect(source.test(path), path).toBe(false);
  });
});
