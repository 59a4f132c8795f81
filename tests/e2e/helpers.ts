import fs from "node:fs";
import { expect, type Page } from "@playwright/test";

export const SHOTS = "test-results/screenshots";

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Nothing wider than the viewport: the page does not scroll sideways. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** The form's own error (Next adds a second, empty role=alert: its route announcer). */
export const formAlert = (page: Page) => page.locator("form [role=alert]");

/** Signs in and waits until the app has left the sign-in page (the session cookie is then set). */
export async function signInOk(page: Page, email: string, password: string): Promise<void> {
  await signIn(page, email, password);
  await expect(page).not.toHaveURL(/\/signin/);
}
