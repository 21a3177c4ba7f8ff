import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoPassword, interactive, look, signIn } from "./accounts";

/**
 * Review by the finance bureau (issue 5) in real Chromium on the demo data: the clerk of 420
 * submits its 2021 draft; the desk's approver (approver2, 二科) starts the review, comments on two
 * indicator rows and on a figure, and returns it with a reason; the clerk sees the comments at the
 * fields, fixes the two 指标值, answers and resubmits; the approver sees exactly the two changed
 * cells, resolves the threads and approves. The audit log shows every step.
 */

test.describe.configure({ mode: "serial" });

const DEPT = "三河市住房和城乡建设局";
/** 表3's 行政运行 row, renamed by the clerk to a name the year's catalogue does not give it. */
const TABLE_CODE = "2010301";
const OLD_NAME = "行政运行（机关）";
const REASON = "沿用本单位预算系统中的科目名称。";
const OPINION = "指标值已按意见调整，同意公开。";
const shot = (name: string) => `/tmp/shots-review/${name}.png`;
const ID = /\/(?:disclosures|review)\/([0-9a-f-]{36})/;

let clerk: Page;
let approver: Page;
let disclosureId: string;

async function openSignedIn(browser: Browser, username: string, home: RegExp): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username, demoPassword, home);
  // The editor confirms a submission with the browser's dialog; the person says yes.
  page.on("dialog", (dialog) => void dialog.accept());
  return page;
}

const row = (path: string) => approver.locator(`tr[id="row-${path}"]`);
const indicator = (i: number) => `performance.projects[0].indicators[${i}]`;

/** The editor's grid of the first project, and one of its cells. */
const grid = () => clerk.getByRole("group", { name: /的绩效指标表$/ }).first();
const cell = (r: number, c: number) => grid().locator(`td[data-cell="${r}:${c}"]`);

async function savedTargets(): Promise<string[]> {
  const response = await clerk.request.get(`/api/disclosures/${disclosureId}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as {
    performance: { projects: Array<{ indicators: Array<{ target: { raw: string } }> }> };
  };
  return body.performance.projects[0].indicators.map((i) => i.target.raw);
}

async function openReview(): Promise<void> {
  await approver.goto(`/review/${disclosureId}`);
  await expect(approver.getByRole("heading", { level: 1, name: DEPT, exact: true })).toBeVisible();
}

test.beforeAll(async ({ browser }) => {
  clerk = await openSignedIn(browser, "clerk420", /\/workbench$/);
  approver = await openSignedIn(browser, "approver2", /\/review$/);
});

test.afterAll(async () => {
  await clerk?.context().close();
  await approver?.context().close();
});

test("the clerk submits the 2021 draft from the editor", async () => {
  await clerk.getByRole("row").filter({ hasText: "2021年" }).getByRole("link", { name: "继续填报" }).click();
  await expect(clerk).toHaveURL(/\/disclosures\/[0-9a-f-]{36}\/edit/);
  disclosureId = ID.exec(clerk.url())![1];
  // 表3 names a 科目 otherwise than the year's catalogue: a 提示 at the cell, kept with a reason.
  await clerk.goto(`/disclosures/${disclosureId}/edit?section=tables`);
  await interactive(clerk);
  await clerk
    .getByRole("table", { name: "表3 部门支出总表" })
    .getByRole("row")
    .filter({ has: clerk.getByRole("cell", { name: TABLE_CODE, exact: true }) })
    .getByRole("cell", { name: "行政运行", exact: true })
    .click();
  // Typing replaces the cell, as in a spreadsheet.
  await clerk.keyboard.type(OLD_NAME);
  await clerk.keyboard.press("Enter");
  const kept = clerk.getByTestId("finding").filter({ hasText: `表中为「${OLD_NAME}」` });
  await expect(kept).toHaveAttribute("data-rule", "tables.code-name");
  await kept.getByRole("button", { name: "说明原因" }).click();
  await kept.getByLabel("保留此提示的原因（审核人可见）").fill(REASON);
  await kept.getByRole("button", { name: "保存说明" }).click();
  await expect(kept).toContainText(`已说明：${REASON}`);
  await expect(clerk.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 20_000 });
  await clerk.getByTestId("submit-panel").getByRole("button", { name: "提交审核" }).click();
  await expect(clerk.getByText("已提交").first()).toBeVisible();
  // Not yet taken up by the bureau: the clerk could take it back (not done here; the server's rule is db-tested).
  await expect(clerk.getByTestId("withdraw").getByRole("button", { name: "撤回提交" })).toBeVisible();
  await look(clerk, { path: shot("submitted-withdraw") });
});

test("the approver finds it in the queue, starts the review, comments on two indicator rows and a figure", async () => {
  // The queue's filters live in the URL: only what waits for review, with what is due and late.
  await approver.goto("/review?state=submitted");
  await expect(approver.getByLabel("状态")).toHaveValue("submitted");
  await expect(approver.getByTestId("due-summary")).toContainText("待审核 1 项");
  await expect(approver.getByRole("row").filter({ hasText: "三河市自然资源和规划局" })).toHaveCount(0);
  await look(approver, { path: shot("queue"), fullPage: true });
  const queued = approver.getByRole("row").filter({ hasText: DEPT }).filter({ hasText: "2021年" });
  await expect(queued).toContainText("已提交");
  // 420's two projects' targets grade 优: the queue counts none 中 or 差.
  await expect(queued.getByTestId("queue-grades")).toHaveText("均为优良");
  await queued.getByRole("link", { name: "查看" }).click();
  await expect(approver).toHaveURL(new RegExp(`/review/${disclosureId}$`));
  // Nothing to comment on before the review starts: the document is read-only either way.
  await expect(approver.getByRole("button", { name: /^对此行提意见/ })).toHaveCount(0);
  await approver.getByRole("button", { name: "开始审核" }).click();
  await expect(approver.getByText("审核中").first()).toBeVisible();

  // 项目评级: the department's projects ranked by grade, each linking to its 绩效目标表.
  const ranking = approver.getByTestId("project-ranking");
  await expect(ranking.getByRole("listitem")).toHaveCount(2);
  await expect(ranking.getByTestId("project-grade").first()).toHaveAttribute("data-grade", "excellent");
  await ranking.getByRole("link").first().click();
  await expect(approver.locator("#table-indicators-1")).toBeInViewport();
  await look(approver, { path: shot("project-ranking") });

  // The budget tables follow the text; the row the clerk renamed is marked, and its 提示 is listed
  // with the clerk's reason, each linking to the other.
  const tableRow = approver.locator("#table-budget-table-3 tr").filter({ hasText: OLD_NAME });
  await expect(tableRow).toHaveClass(/bg-amber-50/);
  const finding = approver.getByTestId("review-findings").getByRole("listitem").filter({ hasText: OLD_NAME });
  await expect(finding).toContainText(`部门说明：${REASON}`);
  await tableRow.getByTestId("row-findings").click();
  await expect(finding).toBeInViewport();
  await look(approver, { path: shot("review-table-finding") });
  await finding.getByRole("link", { name: "定位" }).click();
  await expect(tableRow).toBeInViewport();

  const comments = [
    { path: indicator(0), body: "该指标值偏低，请参照上年实际完成数调整。" },
    { path: indicator(1), body: "请补充指标值的测算依据。" },
  ];
  for (const c of comments) {
    await row(c.path)
      .getByRole("button", { name: /^对此行提意见/ })
      .click();
    const form = approver.getByRole("form", { name: /^新意见/ });
    await form.getByLabel("意见").fill(c.body);
    await form.getByRole("button", { name: "添加意见" }).click();
    await expect(approver.getByTestId("review-thread").filter({ hasText: c.body })).toBeVisible();
    await expect(row(c.path)).toHaveClass(/bg-amber-50/);
  }
  // A figure: 收入合计 in section 二, chosen from the section's fields.
  await approver
    .locator("#section-budget")
    .getByRole("button", { name: /^对本节提意见/ })
    .click();
  const form = approver.getByRole("form", { name: /^新意见/ });
  await form.getByLabel("选择数据项").selectOption({ label: "收入预算 › 收入合计" });
  await form.getByLabel("意见").fill("收入合计与批复数不一致，请核对。");
  await form.getByRole("button", { name: "添加意见" }).click();
  const threads = approver.getByTestId("review-thread");
  await expect(threads).toHaveCount(3);
  await expect(threads.filter({ hasText: "收入合计与批复数不一致" })).toHaveAttribute(
    "data-path",
    "budget.income.total",
  );
  await expect(approver.getByText("3 条未解决 / 共 3 条")).toBeVisible();
  // Approval waits for the threads: the button is not offered, and the reason is said once.
  await expect(approver.getByText("还有 3 条审核意见未解决，不能审核通过。")).toHaveCount(1);
  await expect(approver.getByRole("button", { name: "审核通过" })).toBeDisabled();
  await row(indicator(0)).scrollIntoViewIfNeeded();
  await look(approver, { path: shot("review-with-comments") });
});

/** The header's count of unread notices on the 通知 link (0 when it shows none). */
async function unreadNotices(page: Page): Promise<number> {
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link", { name: /^通知/ })).toBeVisible();
  const badge = nav.getByTestId("unread-notices");
  return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
}

test("the approver returns it with a reason and a note; the clerk is told", async () => {
  await clerk.goto("/workbench");
  const unreadBefore = await unreadNotices(clerk);
  await approver.getByRole("button", { name: "退回修改" }).click();
  const dialog = approver.getByRole("form", { name: "退回修改" });
  await expect(dialog).toContainText("将随退回发送 3 条未解决的审核意见。");
  // 420's projects all grade 优: a return for 绩效目标质量 would quote nothing, and is not offered.
  await expect(dialog.getByRole("option", { name: "绩效目标质量（无中或差的项目）" })).toBeDisabled();
  await dialog.getByRole("button", { name: "确认退回" }).click();
  // The reason is required: the browser's own check keeps the form until one is chosen.
  await dialog.getByLabel("退回原因").selectOption({ label: "目标值不合理" });
  await dialog.getByLabel("说明").fill("请按意见修改两项指标值并核对收入合计。");
  await dialog.getByRole("button", { name: "确认退回" }).click();
  await expect(approver.getByText("已退回").first()).toBeVisible();
  await expect(approver.getByRole("button", { name: "退回修改" })).toHaveCount(0);

  // The header counts it on every page, for the screen reader in words.
  await clerk.goto("/workbench");
  expect(await unreadNotices(clerk)).toBe(unreadBefore + 1);
  await expect(
    clerk
      .getByRole("navigation", { name: "主导航" })
      .getByRole("link", { name: new RegExp(`^通知\\s?（${unreadBefore + 1} 条未读）$`) }),
  ).toBeVisible();
  await look(clerk, { path: shot("header-unread"), clip: { x: 0, y: 0, width: 1366, height: 120 } });

  await clerk.goto("/notices");
  const notice = clerk.getByTestId("notice").first();
  await expect(notice).toContainText(`${DEPT} 2021年 的信息公开被退回修改`);
  await expect(notice).toContainText("退回原因：目标值不合理");
  // Opening the page read them: this view still tags the new one, the header's count is gone.
  await expect(notice).toContainText("未读");
  expect(await unreadNotices(clerk)).toBe(0);
  await look(clerk, { path: shot("notices-opened") });
  await clerk.reload();
  await expect(clerk.getByTestId("notice").first()).not.toContainText("未读");
});

test("the clerk sees the comments at the fields, fixes the two 指标值, answers, and resubmits", async () => {
  await clerk.getByTestId("notice").first().getByRole("link").click();
  await expect(clerk).toHaveURL(new RegExp(`/disclosures/${disclosureId}/edit`));
  // Why it came back stays in sight at the top of the editor, not only under 通知.
  const banner = clerk.getByTestId("decision-banner");
  await expect(banner).toContainText("退回原因：目标值不合理");
  await expect(banner).toContainText("请按意见修改两项指标值并核对收入合计。");
  await look(clerk, { path: shot("clerk-return-banner") });
  const summary = clerk.getByTestId("review-summary");
  await expect(summary).toContainText("该指标值偏低");
  await expect(summary).toContainText("请补充指标值的测算依据");
  await expect(summary).toContainText("收入合计与批复数不一致");

  // The figure's thread sits under its field in section 二.
  await clerk.goto(`/disclosures/${disclosureId}/edit?section=budget`);
  const atField = clerk.locator('[data-field-path="budget.income.total"]').getByTestId("review-thread");
  await expect(atField).toContainText("收入合计与批复数不一致");
  await atField.scrollIntoViewIfNeeded();
  await look(clerk, { path: shot("clerk-comment-at-field") });

  await clerk.goto(`/disclosures/${disclosureId}/edit?section=performance`);
  await expect(grid()).toBeVisible();
  const before = await savedTargets();
  const fixes = [">=15次", ">=98%"];
  for (const [r, raw] of fixes.entries()) {
    await cell(r, 4).click();
    await clerk.keyboard.type(raw);
    await clerk.keyboard.press("Enter");
    await expect(cell(r, 4).locator("span.tabular").first()).toHaveText(raw);
  }
  await expect.poll(savedTargets).toEqual([...fixes, ...before.slice(2)]);

  await clerk.reload();
  await interactive(clerk);
  const first = clerk.getByTestId("review-summary").locator("details").filter({ hasText: "该指标值偏低" });
  await first.locator("summary").click();
  await first.getByLabel("回复内容").fill("已按上年实际完成数调整为 >=15次。");
  await first.getByRole("button", { name: "发送回复" }).click();
  await expect(first).toContainText("已按上年实际完成数调整为 >=15次。");

  await clerk.getByTestId("submit-panel").getByRole("button", { name: "提交审核" }).click();
  await expect(clerk.getByText("已提交").first()).toBeVisible();
});

test("the approver sees exactly the changed cells, resolves every thread and approves", async () => {
  await approver.goto("/notices");
  await expect(approver.getByTestId("notice").first()).toContainText(`${DEPT} 2021年 修改后重新提交了信息公开`);
  await openReview();
  await approver.getByRole("button", { name: "开始审核" }).click();
  await expect(approver.getByText("审核中").first()).toBeVisible();

  await approver.getByRole("link", { name: /^修改之处/ }).click();
  await expect(approver).toHaveURL(/tab=changes/);
  const changed = approver.getByTestId("changed-cell");
  await expect(changed).toHaveCount(2);
  await expect(changed.nth(0)).toHaveAttribute("data-path", `${indicator(0)}.target`);
  await expect(changed.nth(1)).toHaveAttribute("data-path", `${indicator(1)}.target`);
  await expect(changed.nth(0)).toContainText(">=12次");
  await expect(changed.nth(0)).toContainText(">=15次");
  await expect(changed.nth(1)).toContainText(">=95%");
  await expect(changed.nth(1)).toContainText(">=98%");
  // Within the field, only the words that changed are marked: the number, not the whole 指标值.
  await expect(changed.nth(0).locator("del")).toHaveText("12");
  await expect(changed.nth(0).locator("ins")).toHaveText("15");
  await expect(changed.nth(1).locator("ins")).toHaveText("98%");
  await expect(approver.getByText("共 2 处修改")).toBeVisible();
  await look(approver, { path: shot("diff"), fullPage: true });

  await approver.getByRole("link", { name: "对比上年" }).click();
  await expect(approver.getByText("该部门没有上一年度的信息公开。")).toBeVisible();

  await approver.getByRole("link", { name: "全文" }).click();
  const threads = approver.getByTestId("review-thread");
  await expect(threads.filter({ hasText: "已按上年实际完成数调整为 >=15次。" })).toBeVisible();
  for (let n = 3; n > 0; n--) {
    await threads.getByRole("button", { name: "标为已解决" }).first().click();
    await expect(threads.getByRole("button", { name: "标为已解决" })).toHaveCount(n - 1);
  }
  // It asks first, and takes the approver's opinion, which goes to the department with the approval.
  await approver.getByRole("button", { name: "审核通过", exact: true }).click();
  const approval = approver.getByRole("form", { name: "审核通过" });
  await expect(approval).toContainText("确认审核通过？");
  await approval.getByLabel("审核意见").fill(OPINION);
  await look(approver, { path: shot("approve-confirm") });
  await approval.getByRole("button", { name: "确认审核通过" }).click();
  await expect(approver.getByText("审核通过").first()).toBeVisible();
  await expect(approver.getByRole("button", { name: "审核通过" })).toHaveCount(0);

  await clerk.goto(`/disclosures/${disclosureId}/edit`);
  await expect(clerk.getByTestId("decision-banner")).toContainText(`审核意见：${OPINION}`);
});

test("the audit log shows every step, who, when and from where", async () => {
  await approver.goto(`/disclosures/${disclosureId}/audit`);
  await expect(approver.getByRole("heading", { level: 1 })).toContainText("操作记录");
  const actions = await approver
    .getByTestId("audit-row")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action")));
  const steps = actions.filter((a) => a !== "disclosure.save" && a !== "disclosure.create");
  expect(steps).toEqual([
    "disclosure.explain-warning",
    "disclosure.submit",
    "disclosure.startReview",
    "comment.add",
    "comment.add",
    "comment.add",
    "disclosure.return",
    "comment.reply",
    "disclosure.submit",
    "disclosure.startReview",
    "comment.resolve",
    "comment.resolve",
    "comment.resolve",
    "disclosure.approve",
  ]);
  // The clerk's fixes are saves between the return and the resubmission.
  expect(actions.slice(actions.indexOf("disclosure.return"), actions.lastIndexOf("disclosure.submit"))).toContain(
    "disclosure.save",
  );
  const returnRow = approver.locator('[data-action="disclosure.return"]');
  await expect(returnRow).toContainText("李审核（二科）");
  await expect(returnRow).toContainText("将 审核中 改为 已退回");
  await expect(returnRow).toContainText("原因：目标值不合理");
  await expect(approver.locator('[data-action="disclosure.approve"]')).toContainText(`审核意见：“${OPINION}”`);
  await expect(approver.getByText(/记录链完整/)).toBeVisible();
  await look(approver, { path: shot("audit"), fullPage: true });
});

test("last year side by side: the office's 2021 draft beside its published 2020", async ({ browser }) => {
  const desk1 = await openSignedIn(browser, "approver", /\/review$/);
  await desk1.goto("/review?year=2021&q=434");
  await desk1.getByRole("row").filter({ hasText: "三河市人民政府办公室" }).getByRole("link", { name: "查看" }).click();
  await desk1.getByRole("link", { name: "对比上年" }).click();
  await expect(desk1.getByRole("heading", { name: "2021年（本年）" })).toBeVisible();
  await expect(desk1.getByRole("heading", { name: "2020年（上年） · 已公开" })).toBeVisible();
  await expect(desk1.getByTestId("compare-section")).toHaveCount(9);
  // What differs from last year at the same place is marked on both sides.
  await expect(desk1.getByTestId("compare-section").locator("ins").first()).toBeVisible();
  await expect(desk1.getByTestId("compare-section").locator("del").first()).toBeVisible();
  await desk1.getByTestId("compare-section").locator("ins").first().scrollIntoViewIfNeeded();
  await look(desk1, { path: shot("last-year-marked") });
  await look(desk1, { path: shot("last-year") });
  await desk1.context().close();
});

test("the admin keeps the return reasons: adds one, retires it; past returns keep theirs", async ({ browser }) => {
  const admin = await openSignedIn(browser, "admin", /\/admin$/);
  await admin.goto("/admin/return-reasons");
  await expect(admin.getByRole("heading", { level: 1, name: "退回原因" })).toBeVisible();
  // The demo's return (411) and this spec's cited 目标值不合理.
  await expect(admin.getByRole("form", { name: "目标值不合理" })).toContainText("已用 2 次");
  const add = admin.getByRole("form", { name: "新增原因" });
  await add.getByLabel("代码").fill("Bad Code");
  await add.getByLabel("名称").fill("材料不全");
  await add.getByRole("button", { name: "新增原因" }).click();
  await expect(add.getByRole("alert")).toHaveText("代码须为英文小写字母、数字和连字符，2–40 个字符。");
  await expect(add.getByLabel("名称")).toHaveValue("材料不全");
  await add.getByLabel("代码").fill("missing-material");
  await add.getByRole("button", { name: "新增原因" }).click();
  const added = admin.getByRole("form", { name: "材料不全" });
  await expect(added).toBeVisible();
  await added.getByLabel("启用").uncheck();
  await added.getByRole("button", { name: "保存" }).click();
  await expect(admin.getByRole("form", { name: "材料不全" }).getByLabel("启用")).not.toBeChecked();
  await admin.reload();
  await expect(admin.getByRole("form", { name: "材料不全" }).getByLabel("启用")).not.toBeChecked();
  await look(admin, { path: shot("return-reasons"), fullPage: true });
  await admin.context().close();
});
