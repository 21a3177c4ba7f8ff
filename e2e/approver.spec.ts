import { expect, test } from "@playwright/test";
import { artifacts, look, signIn } from "./accounts";

test.describe("财政局审核员", () => {
  test("signs in and lands on the review queue", async ({ page }) => {
    await signIn(page, "approver");
    await expect(page.getByRole("heading", { level: 1, name: "审核" })).toBeVisible();
    await expect(page.getByTestId("current-user")).toContainText("财政局审核员");
    await look(page, { path: artifacts("approver-home"), fullPage: true });
  });

  test("cannot reach the admin console: 403", async ({ page }) => {
    await signIn(page, "approver");
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
    const workbench = await page.goto("/workbench");
    expect(workbench?.status()).toBe(403);
  });
});
