import { expect, type Page } from "@playwright/test";

/** The demo accounts (db/seed/demo.ts); playwright.config.ts seeds them all with this password. */
export const demoPassword = process.env.E2E_DEMO_PASSWORD ?? "e2e-演示-Passw0rd";

export const homeOf = { admin: "/admin", approver: "/review", clerk: "/workbench", clerk2: "/workbench" } as const;
export type DemoAccount = keyof typeof homeOf;

/** Where screenshots go (git-ignored): looked at by a person, not compared by the tests. */
export const artifacts = (name: string) => `e2e/.artifacts/${name}.png`;

/** Waits until React has hydrated the page (components/hydration-mark.tsx): a click before then reaches only the server's HTML. */
export async function interactive(page: Page): Promise<void> {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

const isDemoAccount = (username: string): username is DemoAccount => Object.hasOwn(homeOf, username);

/**
 * Signs in through the real form: the one way every spec signs in. Waits for `home` when given,
 * else for a demo account's home; any other user (created by a spec) with no `home` is only
 * submitted, and the caller says what it expects next (a refusal, a forced password change …).
 */
export async function signIn(page: Page, username: string, password = demoPassword, home?: RegExp): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  const expected = home ?? (isDemoAccount(username) ? new RegExp(`${homeOf[username]}$`) : null);
  if (expected) await expect(page).toHaveURL(expected);
}
