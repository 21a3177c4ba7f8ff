import { type Browser, expect, type Page, test } from "@playwright/test";
import { artifacts, interactive, look, signIn } from "./accounts";
import { expectNoViolations } from "./axe";

/**
 * Accessibility (issue 18, point 9): every page a person uses passes axe-core's WCAG 2.1 AA rules,
 * and the clerk's journey works by keyboard alone. It runs among the standalone specs (test-all.ts)
 * and only reads, so it could share any demo database: no form is submitted, the one cell it opens
 * for editing is left with Escape.
 */

const ID = /\/(?:disclosures|review)\/([0-9a-f-]{36})/;

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username);
  return page;
}

test("the sign-in page and the public portal", async ({ page }) => {
  await page.goto("/signin");
  await expectNoViolations(page, "登录");
  await page.goto("/public");
  await expectNoViolations(page, "公开目录");
});

test("a published disclosure (434's 2020, the longest page)", async ({ page }) => {
  await page.goto("/public/2020/434");
  await expectNoViolations(page, "公开的部门预算");
});

test("the clerk's workbench and the editor of the 2021 draft", async ({ browser }) => {
  const clerk = await signedIn(browser, "clerk");
  await expectNoViolations(clerk, "工作台");
  const row = clerk.getByRole("row").filter({ hasText: "2021年" }).filter({ hasText: "三河市人民政府办公室" });
  const href = await row.getByRole("link", { name: "继续填报" }).getAttribute("href");
  const draftId = ID.exec(href ?? "")![1];
  await clerk.goto(`/disclosures/${draftId}/edit`);
  await expectNoViolations(clerk, "编辑器（第一节）");
  await clerk.goto(`/disclosures/${draftId}/edit?section=performance`);
  await expect(clerk.getByRole("group", { name: /的绩效指标表$/ }).first()).toBeVisible();
  await expectNoViolations(clerk, "编辑器（绩效指标表）");
  await clerk.context().close();
});

test("the clerk's journey by keyboard alone: workbench → editor → section → a grid cell", async ({ browser }) => {
  // The grid's own keys (arrows, Tab, Enter, typing, Escape) are covered cell by cell in
  // e2e/indicator-grid.spec.ts; here only that a keyboard reaches them from the workbench.
  const clerk = await signedIn(browser, "clerk");
  await interactive(clerk);
  const target = clerk
    .getByRole("row")
    .filter({ hasText: "2021年" })
    .filter({ hasText: "三河市人民政府办公室" })
    .getByRole("link", { name: "继续填报" });
  let reached = false;
  for (let i = 0; i < 60 && !reached; i++) {
    await clerk.keyboard.press("Tab");
    reached = await target.evaluate((el) => el === document.activeElement);
  }
  expect(reached, "Tab reaches 继续填报 of the 2021 draft").toBe(true);
  await clerk.keyboard.press("Enter");
  await expect(clerk).toHaveURL(/\/disclosures\/[0-9a-f-]{36}\/edit/);
  await interactive(clerk);

  // The section nav: Tab to 五、预算绩效信息 and follow it with Enter.
  const section = clerk.getByRole("link", { name: /预算绩效/ }).first();
  reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await clerk.keyboard.press("Tab");
    reached = await section.evaluate((el) => el === document.activeElement);
  }
  expect(reached, "Tab reaches the 预算绩效 section link").toBe(true);
  await clerk.keyboard.press("Enter");
  await expect(clerk).toHaveURL(/section=performance/);
  const grid = clerk.getByRole("group", { name: /的绩效指标表$/ }).first();
  await expect(grid).toBeVisible();

  // Tab on into the grid: its cell editor takes the focus, Enter opens the cell, Escape keeps the old text.
  const editor = grid.getByTestId("cell-editor");
  // (past each row's own buttons: 上移, 下移, 删除 …)
  reached = false;
  for (let i = 0; i < 300 && !reached; i++) {
    await clerk.keyboard.press("Tab");
    reached = await editor.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
  }
  expect(reached, "Tab reaches the indicator grid").toBe(true);
  const label = (await editor.getAttribute("aria-label")) ?? "";
  expect(label).toMatch(/第 \d+ 行$/);
  await clerk.keyboard.press("ArrowDown");
  await expect(editor).not.toHaveAttribute("aria-label", label);
  // Typing opens the cell (F2 would keep its text); Escape leaves it as it was, so nothing is saved.
  await clerk.keyboard.type("仅试键盘");
  await expect(editor).toHaveAttribute("data-editing", "true");
  await clerk.keyboard.press("Escape");
  await expect(editor).toHaveAttribute("data-editing", "false");
  await expect(grid).not.toContainText("仅试键盘");
  await look(clerk, { path: artifacts("a11y-keyboard-grid") });
  await clerk.context().close();
});

test("the approver's review queue and a review page", async ({ browser }) => {
  const approver = await signedIn(browser, "approver");
  await expectNoViolations(approver, "审核队列");
  const href = await approver.locator('a[href^="/review/"]').first().getAttribute("href");
  expect(href, "the demo queue has a disclosure to open").toMatch(ID);
  await approver.goto(href!);
  await expectNoViolations(approver, "审核页");
  await approver.context().close();
});

test("the admin's console and the year dashboard", async ({ browser }) => {
  const admin = await signedIn(browser, "admin");
  await expectNoViolations(admin, "管理首页");
  await admin.goto("/admin/years/2021");
  await expectNoViolations(admin, "年度总览");
  await admin.context().close();
});

/** The first link on the page whose address starts with `prefix` and is not one of `except`. */
async function linkTo(page: Page, prefix: string, ...except: string[]): Promise<string> {
  const hrefs = await page
    .locator(`a[href^="${prefix}"]`)
    .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => h !== prefix && !except.some((e) => h.startsWith(e)));
  expect(href, `a link to ${prefix}… on ${page.url()}`).toBeTruthy();
  return href!;
}

/** Opens each page in turn and checks it; a page that answers with an error status fails here, not in axe. */
async function checkPages(page: Page, pages: Array<[path: string, what: string]>): Promise<void> {
  for (const [path, what] of pages) {
    const response = await page.goto(path);
    expect(response?.status(), `${what} (${path})`).toBeLessThan(400);
    await expectNoViolations(page, what);
  }
}

test("every other page of the admin's console", async ({ browser }) => {
  // Eighteen pages, each loaded and analysed: 50 s on an idle machine, over a minute on loaded cores.
  test.setTimeout(240_000);
  const admin = await signedIn(browser, "admin");
  await checkPages(admin, [
    ["/admin/users", "用户"],
    ["/admin/users/new", "新建用户"],
    ["/admin/users/import", "批量导入用户"],
    ["/admin/departments", "部门"],
    ["/admin/departments/new", "新建部门"],
    ["/admin/departments/import", "批量导入部门"],
    ["/admin/desks", "审核分工"],
    ["/admin/years", "年度"],
    ["/admin/fiscal-years", "预算年度"],
    ["/admin/fiscal-years/2021/classification", "功能分类科目"],
    ["/admin/frameworks", "指标体系"],
    ["/admin/library", "指标库"],
    ["/admin/return-reasons", "退回原因"],
    ["/admin/publish", "公开发布"],
    ["/admin/exports", "导出"],
    ["/admin/audit", "审计日志"],
  ]);
  await admin.goto("/admin/users");
  const user = await linkTo(admin, "/admin/users/", "/admin/users/new", "/admin/users/import");
  await admin.goto("/admin/departments");
  const department = await linkTo(admin, "/admin/departments/", "/admin/departments/new", "/admin/departments/import");
  await checkPages(admin, [
    [user, "用户详情"],
    [department, "部门详情"],
  ]);
  await admin.context().close();
});

// The performance pages in the states that matter (a row's error shown, review) are checked in
// e2e/performance.spec.ts, the upload and last-year previews in e2e/start-and-import.spec.ts.
test("every other page of the clerk and the approver, and the portal's 自评", async ({ browser }) => {
  // Eleven pages under three people: 45 s on an idle machine.
  test.setTimeout(240_000);
  const clerk = await signedIn(browser, "clerk");
  const published = await linkTo(clerk, "/disclosures/", "/disclosures/new");
  await checkPages(clerk, [
    ["/workbench/new", "新建年度填报"],
    [published.replace(/\/edit$/, ""), "填报查看"],
    [`${published.replace(/\/edit$/, "")}/audit`, "操作记录"],
    ["/notices", "通知"],
    ["/account/password", "修改密码"],
    ["/signout", "退出"],
  ]);
  await clerk.goto("/workbench");
  await checkPages(clerk, [[await linkTo(clerk, "/performance/"), "运行监控填报"]]);
  // The pages that say no: a page of another role (403) and an address that does not exist (404).
  for (const [path, status, what] of [
    ["/admin", 403, "无权访问"],
    ["/no-such-page", 404, "页面不存在"],
  ] as const) {
    expect((await clerk.goto(path))?.status(), path).toBe(status);
    await expectNoViolations(clerk, what);
  }
  await clerk.context().close();

  const approver = await signedIn(browser, "approver");
  await checkPages(approver, [["/notices", "通知（审核人）"]]);
  await approver.context().close();

  const reader = await (await browser.newContext()).newPage();
  await checkPages(reader, [
    ["/", "门户首页"],
    ["/public/2020/434/performance", "绩效自评结果"],
  ]);
  await reader.context().close();
});
