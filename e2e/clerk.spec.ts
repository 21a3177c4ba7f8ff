import { expect, test } from "@playwright/test";
import { artifacts, look, signIn } from "./accounts";

test.describe("部门填报员", () => {
  test("signs in, lands on 我的填报 and opens the department's disclosure", async ({ page }) => {
    await signIn(page, "clerk");
    await expect(page.getByRole("heading", { level: 1, name: "我的填报" })).toBeVisible();
    await expect(page.getByTestId("current-user")).toContainText("部门填报员");
    await expect(
      page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "我的填报" }),
    ).toHaveAttribute("aria-current", "page");
    await look(page, { path: artifacts("clerk-home"), fullPage: true });

    await page.getByRole("link", { name: "查看" }).first().click();
    await expect(page).toHaveURL(/\/disclosures\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 2, name: "一、部门职责及机构设置情况" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "九、其他需要说明的事项" })).toBeAttached();
    await look(page, { path: artifacts("clerk-disclosure") });
  });

  test("cannot open another department's unpublished disclosure by URL: 403 in Chinese", async ({ browser }) => {
    /** The link to the account's own unpublished disclosure, read off its workbench. */
    const unpublishedOf = async (account: "clerk" | "clerk2") => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, account);
      const row = page
        .getByRole("row")
        .filter({ hasNot: page.getByText("已公开", { exact: true }) })
        .filter({ has: page.getByRole("link", { name: "查看" }) });
      const href = await row.first().getByRole("link", { name: "查看" }).getAttribute("href");
      await context.close();
      expect(href).toMatch(/^\/disclosures\/[0-9a-f-]{36}$/);
      return href!;
    };
    const officeDraft = await unpublishedOf("clerk");
    const healthBureau = await unpublishedOf("clerk2");

    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, "clerk");
    const response = await page.goto(healthBureau);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
    await expect(page.getByText("三河市卫生健康局")).toHaveCount(0);
    await look(page, { path: artifacts("forbidden") });
    expect((await page.goto(officeDraft))?.status()).toBe(200);
    await context.close();

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, "clerk2");
    expect((await otherPage.goto(officeDraft))?.status()).toBe(403);
    const json = await otherPage.request.get(`/api${officeDraft}`);
    expect(json.status()).toBe(403);
    await other.close();
  });

  test("cannot reach the approver's or the admin's pages", async ({ page }) => {
    await signIn(page, "clerk");
    for (const path of ["/review", "/admin", "/admin/years"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
  });
});
