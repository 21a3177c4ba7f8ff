import { expect, type Page } from "@playwright/test";

/** The demo accounts (db/seed/demo.ts); playwright.config.ts seeds them all with this password. */
export const demoPassword = process.env.E2E_DEMO_PASSWORD ?? "e2e-演示-Passw0rd";

export const homeOf = { admin: "/admin", approver: "/review", clerk: "/workbench", clerk2: "/workbench" } as const;
export type DemoAccount = keyof typeof homeOf;

/** Where screenshots go (git-ignored): looked at by a person, not compared by the tests. */
export const artifacts = (name: string) => `e2e/.artifacts/${name}.png`;

/** Signs in through the real form and waits for the role's home. */
export async function signIn(page: Page, account: DemoAccount, password = demoPassword): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("用户名").fill(account);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(new RegExp(`${homeOf[account]}$`));
}
