import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { artifacts, look, signIn } from "./accounts";

/**
 * The admin edits an indicator framework's level-1/level-2 in place (issue 7). The spec adds its own
 * framework (the built-ins are read-only), edits it, and deletes it again: the demo data is as it
 * was afterwards.
 */

/** The framework's card only (the page is long): e2e/.artifacts and /tmp/shots-fw. */
async function shoot(page: Page, name: string) {
  mkdirSync("/tmp/shots-fw", { recursive: true });
  const card = page.getByRole("region", { name: new RegExp(`^${NAME}`) });
  await look(card, { path: artifacts(name) });
  await look(card, { path: `/tmp/shots-fw/${name}.png` });
}

const ID = "e2e-edit";
const NAME = "E2E 指标体系";

test("系统管理员 edits a framework's level-2 name in place, is refused field by field without losing anything, and removes the framework again", async ({
  page,
  context,
}) => {
  await signIn(page, "admin");
  await page.goto("/admin/frameworks");
  await expect(page.getByRole("heading", { level: 1, name: "指标体系与规则" })).toBeVisible();
  // Built-ins say why they cannot be edited, and offer a copy to start from.
  await expect(page.getByText("内置指标体系依据财政部文件设置，不能修改。").first()).toBeVisible();
  await page.getByRole("link", { name: "以此为底新增：2021年及以后绩效指标体系" }).click();
  await expect(page).toHaveURL(/from=2021/);
  await expect(page.locator("#fw-levels")).toHaveValue(/^产出指标：数量指标、质量指标、时效指标\n效益指标：/);
  await page.locator("#fw-id").fill(ID);
  await page.locator("#fw-name").fill(NAME);
  await page.getByRole("button", { name: "保存指标体系" }).click();
  await expect(page.getByText(`已新增指标体系 ${ID}`)).toBeVisible();

  await page.getByRole("button", { name: `修改 ${NAME}` }).click();
  const form = page.getByRole("form", { name: `修改指标体系：${NAME}` });
  await expect(form).toBeVisible();
  await shoot(page, "admin-framework-edit");

  // Refused in the browser: an empty level-2 and a duplicate level-1, each said at its field.
  await form.getByRole("textbox", { name: "名称", exact: true }).fill(`${NAME}（修订）`);
  await form.getByRole("textbox", { name: "第 1 个一级指标的第 2 个二级指标", exact: true }).fill("");
  await form.getByRole("textbox", { name: "一级指标 2", exact: true }).fill("产出指标");
  await form.getByRole("button", { name: "保存修改" }).click();
  await expect(form.getByRole("alert").first()).toContainText("有 2 处修改不能保存");
  await expect(form.getByText("请填写二级指标名称。")).toBeVisible();
  await expect(form.getByText("一级指标“产出指标”重复，请改用不同的名称。")).toBeVisible();
  await shoot(page, "admin-framework-edit-refused");
  // Nothing typed is lost.
  await expect(form.getByRole("textbox", { name: "名称", exact: true })).toHaveValue(`${NAME}（修订）`);

  // Refused by the server: a colleague saved first (a second tab here). The form keeps what was typed.
  const other = await context.newPage();
  await other.goto("/admin/frameworks");
  await other.getByRole("button", { name: `修改 ${NAME}` }).click();
  const otherForm = other.getByRole("form", { name: `修改指标体系：${NAME}` });
  await otherForm.getByRole("textbox", { name: "依据", exact: true }).fill("另一位管理员填写的依据");
  await otherForm.getByRole("button", { name: "保存修改" }).click();
  await expect(other.getByText("已保存修改。")).toBeVisible();
  await other.close();

  await form.getByRole("textbox", { name: "一级指标 2", exact: true }).fill("效益指标");
  await form.getByRole("textbox", { name: "第 1 个一级指标的第 2 个二级指标", exact: true }).fill("质量达标指标");
  await form.getByRole("button", { name: "保存修改" }).click();
  await expect(form.getByRole("alert").first()).toContainText("已有其他管理员修改了这个指标体系");
  await expect(form.getByRole("textbox", { name: "第 1 个一级指标的第 2 个二级指标", exact: true })).toHaveValue(
    "质量达标指标",
  );
  await expect(form.getByRole("textbox", { name: "名称", exact: true })).toHaveValue(`${NAME}（修订）`);

  // After a reload the admin sees the colleague's save and makes the edit again.
  await page.reload();
  await page.getByRole("button", { name: `修改 ${NAME}` }).click();
  await expect(form.getByRole("textbox", { name: "依据", exact: true })).toHaveValue("另一位管理员填写的依据");
  await form.getByRole("textbox", { name: "第 1 个一级指标的第 2 个二级指标", exact: true }).fill("质量达标指标");
  await form.getByRole("button", { name: "上移 第 1 个一级指标的第 2 个二级指标" }).click();
  await form.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByText(/已保存修改。.*二级指标“质量指标”改名为“质量达标指标”/)).toBeVisible();
  const card = page.getByRole("table", { name: NAME });
  await expect(
    card
      .getByRole("row", { name: /产出指标/ })
      .getByRole("cell")
      .nth(1),
  ).toHaveText("质量达标指标、数量指标、时效指标");
  await page.reload();
  await expect(
    card
      .getByRole("row", { name: /产出指标/ })
      .getByRole("cell")
      .nth(1),
  ).toHaveText("质量达标指标、数量指标、时效指标");

  // Back to the demo data: the spec's framework goes (no year uses it).
  page.once("dialog", (dialog) => dialog.accept());
  await page
    .getByRole("region", { name: new RegExp(`^${NAME}`) })
    .getByRole("button", { name: "删除指标体系" })
    .click();
  await expect(page.getByRole("table", { name: NAME })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("button", { name: `修改 ${NAME}` })).toHaveCount(0);
});
