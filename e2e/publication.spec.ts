import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn } from "./accounts";

/**
 * The admin publishes 418's approved 2021 disclosure (demo seed): every format is frozen with its
 * checksum and appears on the portal at once; opening a correction leaves the published files as
 * they were. Then the year's zip is made with its progress and downloaded.
 */

const SHOTS = "/tmp/shots-portal";
const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

test.describe.serial("公开发布 (admin publishes)", () => {
  test("publishes an approved disclosure; the portal shows it with every file; a correction keeps revision 1 as it was", async ({ page, request }) => {
    test.setTimeout(120_000);
    await signIn(page, "admin");
    await page.goto("/admin/publish");
    const row = page.getByTestId("ready-418-2021");
    await expect(row).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/admin-publish.png`, fullPage: true });
    await row.getByRole("button", { name: /^发布/ }).click();
    await expect(page.getByRole("status")).toContainText("已发布", { timeout: 60_000 });
    await expect(page.getByTestId("ready-418-2021")).toHaveCount(0);
    const published = page.getByTestId("published-418-2021");
    await expect(published).toBeVisible();

    await published.getByRole("link", { name: "查看公开页" }).click();
    await expect(page).toHaveURL(/\/public\/2021\/418$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("2021年部门预算信息公开情况说明");
    const links = page.locator("a[data-format]");
    await expect(links).toHaveCount(7);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    const before = new Map<string, string>();
    for (const href of hrefs) before.set(href, sha(await (await request.get(href)).body()));

    // A correction opened: the public still reads revision 1, byte for byte.
    await page.goto("/admin/publish");
    await page.getByTestId("published-418-2021").getByLabel("更正原因").fill("更正公务接待费的上年数");
    await page.getByTestId("published-418-2021").getByRole("button", { name: /^新建修订版/ }).click();
    await expect(page.getByRole("status")).toContainText("已新建第2版草稿");
    await expect(page.getByTestId("published-418-2021")).toContainText("第2版修订中");
    for (const href of hrefs) expect(sha(await (await request.get(href)).body())).toBe(before.get(href));
  });

  test("refuses a correction without its reason, at the field", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/admin/publish");
    const row = page.getByTestId("published-434-2020");
    // The browser's own check first; with it bypassed the server's message shows.
    await row.getByLabel("更正原因").evaluate((el) => el.removeAttribute("required"));
    await row.getByRole("button", { name: /^新建修订版/ }).click();
    await expect(row.getByRole("alert")).toContainText("请填写更正原因");
  });

  test("zips the whole published year with progress, and the zip downloads", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, "admin");
    await page.goto("/admin/exports");
    await page.getByLabel("预算年度").selectOption("2020");
    await page.getByRole("button", { name: "开始导出" }).click();
    const job = page.getByTestId("export-job").first();
    await expect(job).toHaveAttribute("data-state", "done", { timeout: 60_000 });
    await expect(job).toContainText("1 / 1 个部门");
    await page.screenshot({ path: `${SHOTS}/admin-exports.png`, fullPage: true });
    const download = page.waitForEvent("download");
    await job.getByRole("link", { name: /下载 zip/ }).click();
    const file = await (await download).path();
    expect(file).toBeTruthy();
  });
});
