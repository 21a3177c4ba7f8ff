import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { artifacts, interactive, look, signIn, type DemoAccount } from "./accounts";
import { expectNoViolations } from "./axe";

/**
 * The performance cycle on the demo (issue 17): 434's 2020 运行监控, opened by the seed, filled by
 * the clerk (a forecast short of its target is refused until its cause is given), returned and then
 * approved by the approver; the clerk's published 自评 with the server's score and grade; the portal
 * with target beside actual. Leaves 434's 2021 draft and the other departments as they were.
 */

const SHOTS = "/tmp/shots-performance";
async function shoot(page: Page, name: string, fullPage = false) {
  mkdirSync(SHOTS, { recursive: true });
  await look(page, { path: artifacts(`performance-${name}`), fullPage });
  await look(page, { path: `${SHOTS}/${name}.png`, fullPage });
}

async function as(browser: Browser, account: DemoAccount, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await signIn(page, account);
  return page;
}

const MONITORING = "三河市人民政府办公室 2020年度运行监控";
const EVALUATION = "三河市人民政府办公室 2020年度绩效自评";

test("运行监控 filled, returned and approved; the 自评's score and grade; the portal's target beside actual", async ({
  browser,
}) => {
  // Eleven server round trips by four people: the margin is for a loaded machine (measured 2 min at
  // load 12 on two cores), not for waiting on anything.
  test.setTimeout(180_000);
  const admin = await as(browser, "admin");
  await admin.goto("/admin/years/2020");
  const monitoringRound = admin.getByRole("region", { name: "运行监控", exact: true });
  await expect(monitoringRound.getByRole("row").filter({ hasText: "三河市人民政府办公室" })).toContainText("草稿");
  await monitoringRound.scrollIntoViewIfNeeded();
  await shoot(admin, "admin-year");
  await expectNoViolations(admin, "年度总览（绩效轮次）");

  // The clerk: a forecast short of its target, without a cause, is an error at its row and holds the submission back.
  const clerk = await as(browser, "clerk");
  await clerk.getByRole("link", { name: `填写：${MONITORING}` }).click();
  await expect(clerk.getByRole("heading", { name: MONITORING })).toBeVisible();
  await interactive(clerk);
  const index = await clerk.evaluate(() =>
    [...document.querySelectorAll("tr[data-row]")].findIndex((tr) => {
      const target = tr.querySelector("td")?.textContent?.trim() ?? "";
      return /^(≥|>=|>)\s*\d/.test(target) && tr.querySelector("select")?.value === "";
    }),
  );
  expect(index).toBeGreaterThanOrEqual(0);
  const row = clerk.locator("tr[data-row]").nth(index);
  await row.getByRole("textbox").nth(1).fill("0");
  await expect(clerk.getByRole("alert").filter({ hasText: "请选择偏差原因" })).toBeVisible();
  await clerk.getByRole("button", { name: "提交" }).click();
  await expect(clerk.getByRole("alert").filter({ hasText: "还有 1 个错误未修正" })).toBeVisible();
  await row.scrollIntoViewIfNeeded();
  await shoot(clerk, "clerk-deviation-required");
  await expectNoViolations(clerk, "运行监控填报（偏差原因未填）");
  await row.getByRole("combobox").nth(0).selectOption("经费保障");
  await row.getByRole("combobox").nth(1).selectOption("有可能");
  await row.getByRole("textbox").nth(2).fill("下半年加快资金拨付，按月调度进度");
  await clerk.getByRole("button", { name: "提交" }).click();
  await expect(clerk.getByText("当前状态下不能修改，仅供查看。")).toBeVisible();

  // The approver returns it with a comment, the clerk resubmits, the approver approves.
  const approver = await as(browser, "approver");
  await approver.getByRole("link", { name: `打开：${MONITORING}` }).click();
  await interactive(approver);
  await approver.getByRole("button", { name: "开始审核" }).click();
  await expectNoViolations(approver, "运行监控审核");
  await approver.getByLabel("退回意见").fill("请说明执行进度滞后项目的下半年安排。");
  await approver.getByRole("button", { name: "退回" }).click();
  await expect(approver.getByText("请说明执行进度滞后项目的下半年安排。")).toBeVisible();
  await clerk.reload();
  await expect(clerk.getByText("请说明执行进度滞后项目的下半年安排。")).toBeVisible();
  await interactive(clerk);
  await clerk.getByRole("button", { name: "提交" }).click();
  await expect(clerk.getByText("当前状态下不能修改，仅供查看。")).toBeVisible();
  await approver.reload();
  await interactive(approver);
  await approver.getByRole("button", { name: "开始审核" }).click();
  await approver.getByRole("button", { name: "审核通过" }).click();
  await expect(approver.getByRole("button", { name: "审核通过" })).toHaveCount(0);
  await shoot(approver, "approver-approved");
  await admin.reload();
  await expect(monitoringRound.getByRole("row").filter({ hasText: "三河市人民政府办公室" })).toContainText("审核通过");

  // The clerk's 自评: the server's score and grade, and each row's working.
  await clerk.goto("/workbench");
  await clerk.getByRole("link", { name: `填写：${EVALUATION}` }).click();
  await expect(clerk.getByTestId("report-score")).toHaveText(/总分：\d+\.\d{2} · 等级：[优良中差]/);
  await expect(clerk.getByTestId("row-score").first()).toContainText("分");
  await shoot(clerk, "clerk-self-evaluation");
  await expectNoViolations(clerk, "绩效自评");

  // The portal: the 自评 beside the published targets, target vs actual vs score.
  const reader = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await reader.goto("/public/2020/434");
  await reader.getByRole("link", { name: "绩效自评结果" }).click();
  await expect(reader.getByTestId("evaluation-grade")).toHaveText(/等级：[优良中差]/);
  const firstRow = reader.getByRole("table").first().getByRole("row").nth(1);
  await expect(firstRow.getByRole("cell").nth(0)).not.toBeEmpty();
  await shoot(reader, "portal-mobile");
  await expectNoViolations(reader, "绩效自评结果（手机）");
  const csv = await reader.request.get("/public/2020/434/performance/self-evaluation.csv");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("目标值,度量单位,指标方向,实际完成值");
  // Every file of the published 自评, rendered when it was published and served as stored.
  const files = reader.getByTestId("evaluation-files").locator("a");
  await expect(files).toHaveText(["下载 PDF", "下载 Word", "下载 Excel", "下载 JSON", "下载 CSV", "下载 数据包"]);
  const pdf = await reader.request.get((await files.first().getAttribute("href"))!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers().etag).toMatch(/^"[0-9a-f]{64}"$/);
  const pdfFile = path.join(os.tmpdir(), `e2e-self-evaluation-${process.pid}.pdf`);
  writeFileSync(pdfFile, await pdf.body());
  const pdfText = execFileSync("pdftotext", ["-layout", pdfFile, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
  rmSync(pdfFile);
  expect(pdfText).toContain("三河市人民政府办公室2020年度绩效自评结果");
  expect(pdfText).toMatch(/总分\d+\.\d{2}分，等级[优良中差]/);
  const word = await reader.request.get("/public/2020/434/performance/self-evaluation.docx");
  expect(word.headers()["content-disposition"]).toContain("filename*=UTF-8''");
  for (const page of [admin, clerk, approver, reader]) await page.context().close();
});
