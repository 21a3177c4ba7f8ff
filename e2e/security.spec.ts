import { request as httpRequest } from "node:http";
import { expect, test, type Browser, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { disclosureLimits } from "../lib/domain/limits";
import { parseCsv, readSpreadsheetText } from "../lib/export/csv";
import { hasQuotePrefix } from "../lib/export/xlsx-text";
import { inputMessages } from "../lib/i18n/zh-CN/input";
import { actionId } from "../lib/tools/ops/next-server";
import { demoPassword, look, signIn, signInByForm } from "./accounts";

/**
 * Issue 8 in real Chromium against the production build: the security headers and a nonce CSP that
 * the app runs under without a single violation, the lockout message after five failures, the forced
 * change of an initial password, and sign-out everywhere when a password changes.
 */

const shot = (name: string) => `/tmp/shots-security/${name}.png`;

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(msg.text())) violations.push(msg.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Refused to execute (CSP) ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return violations;
}

test.describe("security headers", () => {
  test("every page carries a nonce CSP, nosniff, a referrer policy and no framing", async ({ request }) => {
    const nonces = new Set<string>();
    for (const path of ["/", "/signin", "/api/health"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      const headers = response.headers();
      expect(headers["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("same-origin");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["x-powered-by"]).toBeUndefined();
      nonces.add(/'nonce-([^']+)'/.exec(headers["content-security-policy"])![1]);
    }
    expect(nonces.size).toBe(3);
  });

  test("Next's scripts carry the nonce and the app works under the policy: no violation while signing in and using pages", async ({
    page,
  }) => {
    const violations = await watchCsp(page);
    const response = await page.goto("/signin");
    const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"])![1];
    const scripts = await page.locator("script").evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((n) => n === nonce)).toBe(true);
    // Signing in is client-side JavaScript (react-hook-form, next-auth): it only works if the scripts ran.
    await signInByForm(page, "admin");
    for (const path of ["/admin", "/admin/users", "/admin/years", "/admin/audit", "/"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    }
    // A client-side navigation after hydration.
    await page.getByRole("link", { name: "管理", exact: true }).first().click();
    await expect(page).toHaveURL(/\/admin$/);
    expect(violations).toEqual([]);
  });

  test("an unknown address gets the 404 page under the same policy: its scripts carry this request's nonce", async ({
    page,
  }) => {
    const violations = await watchCsp(page);
    const response = await page.goto("/no-such-page");
    expect(response!.status()).toBe(404);
    await expect(page.getByText("404")).toBeVisible();
    const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"])![1];
    const scripts = await page.locator("script").evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((n) => n === nonce)).toBe(true);
    await page.getByRole("link", { name: "返回首页" }).click();
    await expect(page).toHaveURL(/\/$/);
    expect(violations).toEqual([]);
  });
});

test.describe("sign-in lockout", () => {
  test("five wrong passwords lock the sign-in, said in Chinese; the right password is refused from there too", async ({
    browser,
  }) => {
    // Its own address, so the lock does not reach the other specs' sign-ins.
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.57" } });
    const page = await context.newPage();
    await page.goto("/signin");
    const alert = page.locator("#signin-error");
    for (let i = 1; i <= 5; i++) {
      await page.getByLabel("用户名").fill("guessed-name");
      await page.getByLabel("密码").fill(`wrong-password-${i}`);
      await page.getByRole("button", { name: "登录" }).click();
      if (i < 5) await expect(alert).toHaveText("用户名或密码不正确，请重新输入。");
    }
    await expect(alert).toContainText("由于连续多次登录失败，登录已被临时锁定，请于");
    await expect(alert).toContainText("之后再试");
    // The address is locked for every account, even with the right password.
    await page.getByLabel("用户名").fill("admin");
    await page.getByLabel("密码").fill(demoPassword);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(alert).toContainText("登录已被临时锁定");
    await expect(page).toHaveURL(/\/signin/);
    await context.close();
  });
});

async function createUserAsAdmin(page: Page, username: string): Promise<string> {
  await signIn(page, "admin");
  await page.goto("/admin/users/new");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("姓名").fill("安全测试员");
  await page.getByLabel("角色").selectOption("admin");
  await page.getByRole("button", { name: "创建用户" }).click();
  const password = (await page.getByTestId("initial-password").textContent())!.trim();
  expect(password.length).toBeGreaterThanOrEqual(12);
  return password;
}

async function changePassword(page: Page, current: string, next: string) {
  await page.getByLabel("当前密码").fill(current);
  await page.getByLabel("新密码", { exact: true }).fill(next);
  await page.getByLabel("再次输入新密码").fill(next);
  await page.getByRole("button", { name: "修改密码" }).click();
}

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test.describe("passwords", () => {
  test("an initial password must be changed first; then a change signs the user out everywhere", async ({
    browser,
  }) => {
    const admin = await newPage(browser);
    const initial = await createUserAsAdmin(admin.page, "sec-e2e");
    await admin.context.close();

    // First sign-in: every page leads to the change-password page until it is changed.
    const a = await newPage(browser);
    const violations = await watchCsp(a.page);
    await signIn(a.page, "sec-e2e", initial);
    await expect(a.page).toHaveURL(/\/account\/password$/);
    await expect(a.page.getByText("请先修改初始密码")).toBeVisible();
    await a.page.goto("/admin/users");
    await expect(a.page).toHaveURL(/\/account\/password$/);
    await look(a.page, { path: shot("account-password-forced"), fullPage: true });

    // The rules are shown at the field, in Chinese, and the server holds the same line.
    await changePassword(a.page, initial, "sec-e2e-1");
    await expect(a.page.locator("#newPassword-error")).toContainText("密码至少需要 12 个字符");
    await expect(a.page.locator("#newPassword-error")).toContainText("密码不能包含用户名");
    await look(a.page, { path: shot("account-password-rules"), fullPage: true });
    const first = "Lantern-Harbor-2031";
    await changePassword(a.page, initial, first);
    await expect(a.page).toHaveURL(/\/signin\?error=PasswordChanged$/);
    await expect(a.page.locator("#signin-error")).toHaveText("密码已修改，请使用新密码重新登录。");

    // Signed in on two devices with the new password; changing it on one ends the other.
    await signIn(a.page, "sec-e2e", first);
    await expect(a.page).toHaveURL(/\/admin$/);
    const b = await newPage(browser);
    await signIn(b.page, "sec-e2e", first);
    await expect(b.page).toHaveURL(/\/admin$/);

    await a.page.goto("/account/password");
    await expect(a.page.getByText("请先修改初始密码")).toHaveCount(0);
    await changePassword(a.page, first, "Quiet-River-Stone-88");
    await expect(a.page).toHaveURL(/\/signin\?error=PasswordChanged$/);

    await b.page.goto("/admin/users");
    await expect(b.page).toHaveURL(/\/signin\?.*error=SessionRevoked/);
    await expect(b.page.locator("#signin-error")).toHaveText("您的密码已修改或账号状态已变更，请重新登录。");
    expect(violations).toEqual([]);
    await a.context.close();
    await b.context.close();
  });
});

test.describe("the audit log", () => {
  test("the admin sees sign-ins, failures and refusals, filters them and exports them", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/admin/audit");
    await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
    await expect(page.getByText(/哈希链校验通过：共 \d+ 条记录/)).toBeVisible();
    await look(page, { path: shot("audit-view"), fullPage: false });

    await page.getByLabel("操作类型").selectOption("user.login-failed");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/action=user.login-failed/);
    const rows = page.locator("tbody tr");
    await expect(rows.first()).toContainText("登录失败");
    expect(await rows.count()).toBeGreaterThanOrEqual(5);
    for (const text of await rows.locator("td:nth-child(5)").allTextContents()) expect(text).toContain("登录失败");
    await look(page, { path: shot("audit-view-filtered"), fullPage: false });

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出 Excel" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);

    const csv = await page.request.get("/admin/audit/export?format=csv&action=user.login-failed");
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain("登录失败（user.login-failed）");
    expect(text).toContain("203.0.113.57");
  });
});

/**
 * Issue 13 as an attacker and a careless user would try it against the running server: every
 * answer is the page or a clear refusal (403, 413 with the size), never a 500 and never another
 * site. Each request is counted; the totals are printed when the file ends.
 */
const hostile = { requests: 0, fiveHundreds: 0 };
const counted = (status: number) => {
  hostile.requests++;
  if (status >= 500) hostile.fiveHundreds++;
  return status;
};
test.afterAll(() => {
  console.log(`[security] hostile requests tried: ${hostile.requests}, 5xx answers: ${hostile.fiveHundreds}`);
});

/** A POST whose body is sent in chunks without Content-Length (Transfer-Encoding: chunked). */
async function postChunked(
  url: string,
  path: string,
  headers: Record<string, string>,
  megabytes: number,
): Promise<{ status: number; text: string }> {
  const target = new URL(path, url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(target, { method: "POST", headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    // The server may answer and close before the whole body is sent: that is the point.
    req.on("error", (error) => (/EPIPE|ECONNRESET/.test(String(error)) ? undefined : reject(error)));
    const chunk = Buffer.alloc(256 * 1024, 0x61);
    let left = megabytes * 4;
    const pump = () => {
      while (left > 0) {
        left--;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

const RETURN_TO_OTHER_SITES = [
  "/%09/evil.example/x",
  "/%0a/evil.example/x",
  "/%0d/evil.example/x",
  "/%0d%0a/evil.example/x",
  "/%5Cevil.example",
  "%5C%5Cevil.example",
  "//evil.example",
  "/.//evil.example",
  "https://evil.example/",
  "javascript:alert(1)",
];

test.describe("hostile requests (issue 13)", () => {
  test("a return address on another site is never followed: not after signing in, not when already signed in", async ({
    page,
    baseURL,
  }) => {
    const own = new URL(baseURL!).origin;
    for (const returnTo of ["/%09/evil.example/x", "/%0a/evil.example/x", "/%0d/evil.example/x"]) {
      const response = await page.goto(`/signin?callbackUrl=${returnTo}`);
      counted(response!.status());
      await page.getByLabel("用户名").fill("clerk");
      await page.getByLabel("密码").fill(demoPassword);
      await page.getByRole("button", { name: "登录" }).click();
      await expect(page).toHaveURL(/\/workbench$/);
      expect(new URL(page.url()).origin).toBe(own);
      await page.context().clearCookies();
    }
    await signIn(page, "clerk");
    for (const returnTo of RETURN_TO_OTHER_SITES) {
      const response = await page.request.get(`/signin?callbackUrl=${returnTo}`, { maxRedirects: 0 });
      expect(counted(response.status()), returnTo).toBe(307);
      // Location as the browser reads it, tabs and line breaks dropped.
      expect(new URL(response.headers().location, own).origin, returnTo).toBe(own);
    }
    // A place on this site is still where the user goes back to.
    const back = await page.request.get(`/signin?callbackUrl=${encodeURIComponent("/workbench?year=2021")}`, {
      maxRedirects: 0,
    });
    expect(counted(back.status())).toBe(307);
    expect(back.headers().location).toMatch(/\/workbench\?year=2021$/);
  });

  test("another department's disclosures: the published one's editor shows its public page, a draft's is 403, never a 500", async ({
    browser,
  }) => {
    const office = await browser.newContext();
    const officePage = await office.newPage();
    await signIn(officePage, "clerk");
    await officePage.goto("/workbench");
    const idOf = async (year: string) =>
      /\/disclosures\/([0-9a-f-]{36})/.exec(
        (await officePage
          .getByRole("row")
          .filter({ hasText: year })
          .getByRole("link", { name: "查看" })
          .first()
          .getAttribute("href")) ?? "",
      )![1];
    const published = await idOf("2020年");
    const draft = await idOf("2021年");
    await office.close();

    const other = await browser.newContext();
    const page = await other.newPage();
    await signIn(page, "clerk2");
    const edit = await page.goto(`/disclosures/${published}/edit`);
    expect(counted(edit!.status())).toBe(200);
    await expect(page).toHaveURL(new RegExp(`/disclosures/${published}$`));
    await expect(page.getByRole("heading", { level: 1, name: "三河市人民政府办公室", exact: true })).toBeVisible();
    for (const path of [`/disclosures/${draft}/edit`, `/disclosures/${draft}`]) {
      const refused = await page.goto(path);
      expect(counted(refused!.status()), path).toBe(403);
      await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
    }
    // Its audit log is the department's own: not found for anyone else.
    expect(counted((await page.goto(`/disclosures/${published}/audit`))!.status())).toBe(404);
    await other.close();
  });

  test("a server action sent from another site, or over the size limit, is refused with 403 or 413, not 500", async ({
    page,
    baseURL,
  }) => {
    await signIn(page, "clerk");
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const signOut = actionId(process.env.NEXT_DIST_DIR || ".next", "app/signout/actions.ts", "signOutAction");
    const action = (origin: string, body: string | Buffer) =>
      page.request.post("/signout", {
        headers: {
          "Next-Action": signOut,
          "Content-Type": "text/plain;charset=UTF-8",
          Accept: "text/x-component",
          Origin: origin,
        },
        data: body,
        maxRedirects: 0,
      });

    // Another site's page trying to sign the clerk out (CSRF): refused, and the clerk is still in.
    for (const origin of ["https://evil.example", "null", `http://evil.example:${new URL(baseURL!).port}`]) {
      const refused = await action(origin, "[{}]");
      expect(counted(refused.status()), origin).toBe(403);
      expect((await refused.json()).error).toBe("请求来自其他网站，已拒绝。请在本系统的页面中操作。");
    }
    const still = await page.goto("/workbench");
    expect(counted(still!.status())).toBe(200);
    await expect(page).toHaveURL(/\/workbench$/);

    // 12 MB announced, and 12 MB sent without its size.
    const announced = await action(baseURL!, Buffer.alloc(12 * 1024 * 1024, 0x61));
    expect(counted(announced.status())).toBe(413);
    expect((await announced.json()).error).toBe("提交的内容超过了 11 MB 的上限，请减少内容后重试。");
    const chunked = await postChunked(
      baseURL!,
      "/signout",
      {
        "Next-Action": signOut,
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
        Origin: baseURL!,
        Cookie: cookie,
      },
      12,
    );
    expect(counted(chunked.status)).toBe(413);
    expect(JSON.parse(chunked.text).error).toBe("提交的内容超过了 11 MB 的上限，请减少内容后重试。");
    // Within the limit, from this site: the action runs.
    const ok = await action(baseURL!, "[{}]");
    expect(counted(ok.status())).toBe(200);
  });

  test("an autosave over a disclosure's row limits is refused at the table, in Chinese, with 400 and not a 500", async ({
    page,
  }) => {
    await signIn(page, "clerk");
    await page.goto("/workbench");
    const href = await page
      .getByRole("row")
      .filter({ hasText: "2021年" })
      .getByRole("link", { name: "查看" })
      .first()
      .getAttribute("href");
    const id = /\/disclosures\/([0-9a-f-]{36})/.exec(href ?? "")![1];
    const content = await (await page.request.get(`/api/disclosures/${id}`)).json();
    const row = content.performance.projects[0].indicators[0];
    const max = disclosureLimits.indicators;
    // One row over, and 16,001 rows: past PostgreSQL's parameters and the stack once, now refused before the database.
    for (const count of [max + 1, 16_001]) {
      const indicators = Array.from({ length: count }, (_, n) => ({ ...row, name: `指标${n}` }));
      const body = {
        expectedVersion: 1,
        content: {
          ...content,
          performance: { ...content.performance, projects: [{ ...content.performance.projects[0], indicators }] },
        },
      };
      const answer = await page.request.put(`/api/disclosures/${id}/content`, { data: body });
      expect(counted(answer.status()), String(count)).toBe(400);
      expect((await answer.json()).fieldErrors).toEqual({
        "content.performance.projects": [inputMessages.rows.indicators(count, max)],
      });
    }
    // Nothing was stored.
    expect(await (await page.request.get(`/api/disclosures/${id}`)).json()).toEqual(content);
  });

  test("a formula sent as the client's address reaches the admin's exports as text: shown exactly, never run", async ({
    browser,
    page,
  }) => {
    const address = '=HYPERLINK("http://evil.example")';
    const visitor = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
    const attempt = await visitor.newPage();
    await attempt.goto("/signin");
    await attempt.getByLabel("用户名").fill("formula-visitor");
    await attempt.getByLabel("密码").fill("not the password");
    await attempt.getByRole("button", { name: "登录" }).click();
    await expect(attempt.getByText("用户名或密码不正确，请重新输入。")).toBeVisible();
    await visitor.close();

    await signIn(page, "admin");
    const query = `action=user.login-failed&ip=${encodeURIComponent(address)}`;
    const csv = await page.request.get(`/admin/audit/export?format=csv&${query}`);
    expect(counted(csv.status())).toBe(200);
    const [, first] = parseCsv(await csv.text());
    // A formula whose result is the address: Excel and WPS show it as typed, with no apostrophe.
    expect(first[3]).toBe('="=HYPERLINK(""http://evil.example"")"');
    expect(readSpreadsheetText(first[3])).toBe(address);
    const xlsx = await page.request.get(`/admin/audit/export?format=xlsx&${query}`);
    expect(counted(xlsx.status())).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.body()) as unknown as ExcelJS.Buffer);
    // The cell is the exact text, and stays text when edited in Excel or WPS (the quote prefix).
    const cell = book.worksheets[0].getRow(3).getCell(4);
    expect([cell.value, hasQuotePrefix(cell)]).toEqual([address, true]);
  });

  test("an upload sent without its size and over the limit says how large it is, not 填写的内容有误", async ({
    page,
    baseURL,
  }) => {
    await signIn(page, "clerk2");
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const answer = await postChunked(
      baseURL!,
      "/api/imports?department=x&year=2022",
      { "Content-Type": "multipart/form-data; boundary=----e2e", Origin: baseURL!, Cookie: cookie },
      13,
    );
    expect(counted(answer.status)).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject({
      code: "invalid-input",
      error: "上传的文件大于 11 MB，超过了 10 MB 的上限。",
    });
    expect(hostile.fiveHundreds).toBe(0);
  });
});
