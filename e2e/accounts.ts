import { expect, type Locator, type Page, type PageScreenshotOptions } from "@playwright/test";

/** The demo accounts (db/seed/demo.ts); playwright.config.ts seeds them all with this password. */
export const demoPassword = process.env.E2E_DEMO_PASSWORD ?? "e2e-演示-Passw0rd";

export const homeOf = { admin: "/admin", approver: "/review", clerk: "/workbench", clerk2: "/workbench" } as const;
export type DemoAccount = keyof typeof homeOf;

/** Where screenshots go (git-ignored): looked at by a person, not compared by the tests. */
export const artifacts = (name: string) => `e2e/.artifacts/${name}.png`;

/** Whether this run takes the pictures: `npm run e2e:shots` (E2E_SCREENSHOTS=1) does, `npm test` does not. */
export const takesScreenshots = process.env.E2E_SCREENSHOTS === "1";

/**
 * A picture of the page or of one element for a person to look at, taken only when asked: nothing
 * compares them, and on CI's two cores a full-page picture of a long page took 4 s or more, ninety
 * of them a run. The assertions beside each picture run either way.
 */
export async function look(target: Page | Locator, options: PageScreenshotOptions & { path: string }): Promise<void> {
  if (takesScreenshots) await target.screenshot(options);
}

/** Waits until React has hydrated the page (components/hydration-mark.tsx): a click before then reaches only the server's HTML. */
export async function interactive(page: Page): Promise<void> {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

const isDemoAccount = (username: string): username is DemoAccount => Object.hasOwn(homeOf, username);

/**
 * Signs in through the real form and its client-side script: for the specs about the form itself
 * (the CSP, lockout, a forced password change). Waits for `home` when given, else for a demo
 * account's home; any other user (created by a spec) with no `home` is only submitted, and the
 * caller says what it expects next (a refusal, a forced password change …).
 */
export async function signInByForm(
  page: Page,
  username: string,
  password = demoPassword,
  home?: RegExp,
): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  const expected = home ?? (isDemoAccount(username) ? new RegExp(`${homeOf[username]}$`) : null);
  if (expected) await expect(page).toHaveURL(expected);
}

/**
 * Signs in the way every other spec does: the same two requests the form's script makes to
 * next-auth (its CSRF token, then the credentials), in the page's own cookie jar, then /signin,
 * which sends a signed-in user to the home of the role. The form's page is neither rendered nor
 * hydrated: on CI's two cores that took a second or more of every sign-in, 54 of them a run. A user
 * with no known home goes through the form, whose messages the caller then reads.
 */
export async function signIn(page: Page, username: string, password = demoPassword, home?: RegExp): Promise<void> {
  const expected = home ?? (isDemoAccount(username) ? new RegExp(`${homeOf[username]}$`) : null);
  if (!expected) return signInByForm(page, username, password);
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password, json: "true" },
  });
  expect(response.ok(), `sign-in of ${username}: HTTP ${response.status()}`).toBe(true);
  await page.goto("/signin");
  await expect(page).toHaveURL(expected);
}
