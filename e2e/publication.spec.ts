import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { expect, test } from "@playwright/test";
import { look, signIn } from "./accounts";

/**
 * The admin publishes 418's approved 2021 disclosure (demo seed): every format is frozen with its
 * checksum and appears on the portal at once; opening a correction leaves the published files as
 * they were. Then a second 2021 disclosure is approved and published, and the year's zip of both is
 * made with its progress and downloaded.
 */

const SHOTS = "/tmp/shots-portal";
const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

test.describe
  .serial("公开发布 (admin publishes)", () => {
    test("publishes an approved disclosure; the portal shows it with every file; a correction keeps revision 1 as it was", async ({
      page,
      request,
      browser,
    }) => {
      test.setTimeout(120_000);
      await signIn(page, "admin");
      await page.goto("/admin/publish");
      const row = page.getByTestId("ready-418-2021");
      await expect(row).toBeVisible();
      await look(page, { path: `${SHOTS}/admin-publish.png`, fullPage: true });
      await row.getByRole("button", { name: /^发布/ }).click();
      // It asks first, saying what it freezes: this revision and version, and the files made from it.
      const confirm = row.getByRole("group", { name: /^确认发布/ });
      await expect(confirm).toContainText(/将冻结第 1 次修订、保存版本 \d+ 的内容/);
      await expect(confirm).toContainText("PDF 文件");
      await look(page, { path: `${SHOTS}/admin-publish-confirm.png` });
      await confirm.getByRole("button", { name: "确认发布" }).click();
      await expect(page.getByRole("status")).toContainText("已发布", { timeout: 60_000 });
      await expect(page.getByTestId("ready-418-2021")).toHaveCount(0);
      const published = page.getByTestId("published-418-2021");
      await expect(published).toBeVisible();

      // The department's clerk is told it is public.
      const clerkContext = await browser.newContext();
      const clerk = await clerkContext.newPage();
      await signIn(clerk, "clerk418", undefined, /\/workbench$/);
      await clerk.goto("/notices");
      await expect(clerk.getByTestId("notice").first()).toContainText(
        "三河市自然资源和规划局 2021年 的信息公开已公开发布",
      );
      await expect(clerk.getByTestId("notice").first()).toContainText("第 1 次修订");
      await look(clerk, { path: `${SHOTS}/clerk-published-notice.png` });
      await clerkContext.close();

      await published.getByRole("link", { name: "查看公开页" }).click();
      await expect(page).toHaveURL(/\/public\/2021\/418$/);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("2021年部门预算信息公开情况说明");
      const links = page.locator("a[data-format]");
      await expect(links).toHaveCount(8);
      const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
      const before = new Map<string, string>();
      for (const href of hrefs) before.set(href, sha(await (await request.get(href)).body()));

      // A correction opened: the public still reads revision 1, byte for byte.
      await page.goto("/admin/publish");
      await page.getByTestId("published-418-2021").getByLabel("更正原因").fill("更正公务接待费的上年数");
      await page
        .getByTestId("published-418-2021")
        .getByRole("button", { name: /^新建修订版/ })
        .click();
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

    test("zips a published year of two departments with progress, and the zip holds both", async ({
      page,
      browser,
    }) => {
      test.setTimeout(180_000);
      // 2021 has 418 (published above); desk 一科 approves 教育局 405's (under review in the demo) and
      // the admin publishes it too. A year of two once failed on the second ("Transaction is closed").
      const desk = await browser.newContext();
      const approver = await desk.newPage();
      await signIn(approver, "approver");
      await approver.goto("/review?year=2021&q=405");
      await approver.getByRole("row").filter({ hasText: "三河市教育局" }).getByRole("link", { name: "查看" }).click();
      await approver.getByRole("button", { name: "审核通过" }).click();
      await approver.getByRole("button", { name: "确认审核通过" }).click();
      await expect(approver.getByRole("button", { name: "审核通过" })).toHaveCount(0);
      await desk.close();

      await signIn(page, "admin");
      await page.goto("/admin/publish");
      await page.getByTestId("ready-405-2021").getByRole("button", { name: /^发布/ }).click();
      await page.getByTestId("ready-405-2021").getByRole("button", { name: "确认发布" }).click();
      await expect(page.getByTestId("published-405-2021")).toBeVisible({ timeout: 60_000 });

      await page.goto("/admin/exports");
      await page.getByLabel("预算年度").selectOption("2021");
      await page.getByRole("button", { name: "开始导出" }).click();
      const job = page.getByTestId("export-job").first();
      await expect(job).toHaveAttribute("data-state", "done", { timeout: 90_000 });
      await expect(job).toContainText("2 / 2 个部门");
      await look(page, { path: `${SHOTS}/admin-exports.png`, fullPage: true });
      const download = page.waitForEvent("download");
      await job.getByRole("link", { name: /下载 zip/ }).click();
      const zip = await JSZip.loadAsync(readFileSync((await (await download).path())!));
      const departments = new Set(
        Object.keys(zip.files)
          .map((name) => name.split("/")[1])
          .filter((folder) => /^\d{3}-/.test(folder ?? "")),
      );
      expect([...departments].sort()).toEqual(["405-三河市教育局", "418-三河市自然资源和规划局"]);
    });
  });
