import fs from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";

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

/**
 * Nothing wider than the viewport: the page does not scroll sideways. Polled, because right after a
 * viewport change some parts (the chart's ResizeObserver) take a frame or two to fit the new width.
 */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await expect.poll(overflow, { timeout: 5_000 }).toBeLessThanOrEqual(0);
}

/** The form's own error (Next adds a second, empty role=alert: its route announcer). */
export const formAlert = (page: Page) => page.locator("form [role=alert]");

/** Signs in and waits until the app has left the sign-in page (the session cookie is then set). */
export async function signInOk(page: Page, email: string, password: string): Promise<void> {
  await signIn(page, email, password);
  await expect(page).not.toHaveURL(/\/signin/);
}

/**
 * Records every Content-Security-Policy violation on the page: Chromium's console report ("Refused
 * to …", "… Content Security Policy …") and the DOM's securitypolicyviolation event (listened for in
 * every document before its own scripts run). Call before the first navigation; then
 * `expect(violations).toEqual([])`, or use `testWithCspGuard`, which does so after each test.
 */
export async function recordCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await page.exposeBinding("__reportCspViolation", (_source, text: string) => void violations.push(`event: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      report(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber} on ${e.documentURI}`);
    });
  });
  return violations;
}

/** Playwright's `test`, failing any test during which the page logged a CSP violation. */
export const testWithCspGuard = test.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ page }, use) => {
      const violations = await recordCspViolations(page);
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

/** Creates a webhook for all events through the form (it starts disabled) and goes back to the list. */
export async function createWebhookInBrowser(page: Page, url: string): Promise<void> {
  await page.goto("/settings/webhooks/new");
  await page.getByLabel("URL", { exact: true }).fill(url);
  await page.getByRole("checkbox", { name: "All events, including event types added later" }).check();
  await page.getByRole("button", { name: "Create webhook" }).click();
  await page.getByRole("link", { name: "Done" }).click();
}

/**
 * Opens a webhook's edit form from its list row and waits until the form has loaded. Without the wait
 * a next locator can still match on the list: `getByRole("button", { name: "Rotate" })` matches the
 * row's "Delete …/rotate" button, since Playwright matches names as substrings unless `exact`.
 */
export async function openEditPage(page: Page, row: Locator): Promise<void> {
  await row.getByRole("link", { name: /^Edit/ }).click();
  await expect(page.getByRole("heading", { name: "Edit webhook" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save changes" })).toBeVisible();
}

/** Creates an API key on the API keys page (signed in as an admin) and returns it, for calls a host would make. */
export async function createApiKeyInBrowser(page: Page, name: string, scopes: string[] = ["administrative"]): Promise<string> {
  await page.goto("/settings/api-keys");
  await page.getByLabel("New key name").fill(name);
  for (const box of await page
    .getByRole("group", { name: /^Scopes/ })
    .getByRole("checkbox")
    .all())
    await box.setChecked(scopes.includes((await box.getAttribute("value")) ?? ""));
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByLabel("New API key").inputValue();
  expect(key).toMatch(/^hkl_/);
  return key;
}

/** No table hides columns behind a sideways scroll of its own box (at phone width rows stack instead). */
export async function expectTablesFit(page: Page): Promise<void> {
  const hidden = () =>
    page.evaluate(() =>
      Math.max(0, ...[...document.querySelectorAll("table")].map((t) => (t.parentElement ? t.parentElement.scrollWidth - t.parentElement.clientWidth : 0))),
    );
  await expect.poll(hidden, { timeout: 5_000 }).toBeLessThanOrEqual(0);
}
