import { expect, test } from "@playwright/test";
import { artifacts, look } from "./accounts";

test.describe("公众 (not signed in)", () => {
  test("reads the portal without signing in", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "部门预算信息公开" })).toBeVisible();
    await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
    await page.getByRole("link", { name: "三河市人民政府办公室2020年部门预算信息公开情况说明" }).click();
    // The home page lists with the portal's own list: a title opens the portal's page of it.
    await expect(page).toHaveURL(/\/public\/2020\/434$/);
    await expect(
      page.getByRole("heading", { level: 2, name: "四、财政拨款“三公”经费预算情况及增减变化原因" }),
    ).toBeVisible();
    await look(page, { path: artifacts("public-disclosure") });
    // The tables as tables: a performance-target table and the fourteen-column procurement table.
    await look(page.locator("#section-performance table").first(), { path: artifacts("public-indicator-table") });
    await look(page.locator("#section-procurement table").first(), { path: artifacts("public-procurement-table") });
  });

  test("is sent to /signin from a signed-in-only page, and the page remembers where they were going", async ({
    page,
  }) => {
    await page.goto("/workbench");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fworkbench$/);
    await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
  });

  test("gets the health report, and 401 rather than data from a signed-in-only API", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({
      status: "ok",
      database: { reachable: true, driver: "pglite", migrations: { upToDate: true } },
    });
    const json = await request.get("/api/disclosures/00000000-0000-4000-8000-000000000000");
    expect(json.status()).toBe(401);
    expect(await json.json()).toEqual({ code: "unauthenticated", error: "登录已失效，请重新登录。", fieldErrors: {} });
    const save = await request.put("/api/disclosures/00000000-0000-4000-8000-000000000000/content", {
      data: { expectedVersion: 1, content: {} },
    });
    expect(save.status()).toBe(401);
    expect(await save.json()).toEqual({ code: "unauthenticated", error: "登录已失效，请重新登录。", fieldErrors: {} });
  });

  test("sees a Chinese error at the form for a wrong password, with the username kept", async ({ page }) => {
    await page.goto("/signin");
    await look(page, { path: artifacts("signin"), fullPage: true });
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByText("请输入用户名")).toBeVisible();
    await page.getByLabel("用户名").fill("clerk");
    await page.getByLabel("密码").fill("wrong-password");
    await page.getByRole("button", { name: "登录" }).click();
    // The form's own alert (Next keeps an empty route announcer with role=alert on every page).
    await expect(page.getByRole("alert").filter({ hasText: "用户名" })).toHaveText("用户名或密码不正确，请重新输入。");
    await expect(page.getByLabel("用户名")).toHaveValue("clerk");
    await expect(page).toHaveURL(/\/signin/);
    await look(page, { path: artifacts("signin-error"), fullPage: true });
  });
});
