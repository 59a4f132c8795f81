import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { expectNoHorizontalScroll, formAlert, screenshot, signIn } from "./helpers";

test("an anonymous visitor is sent to the sign-in page", async ({ page }) => {
  await page.goto("/settings/webhooks");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings%2Fwebhooks$/);
  await expect(page.getByRole("heading", { name: "Sign in to Hookline" })).toBeVisible();
  await screenshot(page, "signin");
});

test("an admin signs in to Settings → Overview, and finds Webhooks with its empty state", async ({ page }) => {
  await signIn(page, E2E.admin.email, E2E.admin.password);
  await expect(page).toHaveURL(/\/settings\/overview$/);
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Settings" });
  await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await nav.getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  await expect(page.getByText("No webhooks yet")).toBeVisible();
  await expect(nav.getByRole("link", { name: "Webhooks" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText(E2E.admin.email)).toBeVisible();
  await expectNoHorizontalScroll(page);
  await screenshot(page, "webhooks-1280");

  await nav.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  await expect(nav.getByRole("link", { name: "API keys" })).toHaveAttribute("aria-current", "page");
  await screenshot(page, "api-keys-1280");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/settings/webhooks");
  await expect(page).toHaveURL(/\/signin/);
});

test("the shell works at 390 px wide", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, E2E.admin.email, E2E.admin.password);
  await expect(page.getByText("No webhooks yet")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API keys" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await screenshot(page, "webhooks-390");
});

test("sign-in works from the keyboard alone", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.keyboard.type(E2E.admin.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(E2E.admin.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/settings\/overview$/);
});

/** Every page under Settings, found on disk (so a new page is covered too), with ids filled in. */
function settingsPages(): string[] {
  const root = path.join("app", "(admin)", "settings");
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name === "page.tsx" ? [dir] : []));
  return walk(root).map((dir) => `/settings${dir.slice(root.length)}`.replace(/\[id\]/g, "5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f"));
}

test("a member gets a 403 page, on every settings page", async ({ page }) => {
  await signIn(page, E2E.member.email, E2E.member.password);
  await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
  await expect(page.getByText("No webhooks yet")).toHaveCount(0);
  await screenshot(page, "forbidden");
  const pages = settingsPages();
  expect(pages.length).toBeGreaterThan(7);
  for (const url of pages.filter((p) => p !== "/settings")) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(403);
    await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
    await expect(page.getByText("No API keys yet")).toHaveCount(0);
  }
});

test("an anonymous visitor to any settings page is sent to sign in, with the way back to that page", async ({ page }) => {
  for (const url of settingsPages().filter((p) => p !== "/settings")) {
    await page.goto(url);
    await expect(page, url).toHaveURL(`/signin?callbackUrl=${encodeURIComponent(url)}`);
  }
});

test("a wrong password is refused without telling whether the email exists", async ({ page }) => {
  await signIn(page, E2E.admin.email, "not-the-password");
  await expect(formAlert(page)).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/signin/);
  await screenshot(page, "signin-wrong-password");
  await signIn(page, "nobody@e2e.test", "not-the-password");
  await expect(formAlert(page)).toHaveText("Wrong email or password.");
  await page.goto("/settings/webhooks");
  await expect(page).toHaveURL(/\/signin/);
});

test("the form checks its fields before sending", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Enter your password")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});

test("repeated failures are slowed down", async ({ page }) => {
  const email = "throttled@e2e.test";
  // Five failures are the documented limit: the sixth attempt is refused while the 1 s lock lasts.
  for (let i = 0; i < 5; i++) {
    await signIn(page, email, `wrong-${i}`);
    await expect(formAlert(page)).toContainText("Wrong email or password");
  }
  // A slow machine may take longer than 1 s per attempt; the lock doubles (2, 4, 8 s) with each
  // further failure, so within a few attempts one lands inside it whatever the pace.
  let isRefused = false;
  for (let i = 0; i < 4 && !isRefused; i++) {
    await signIn(page, email, `wrong-again-${i}`);
    await expect(formAlert(page)).toContainText(/Wrong email or password|Too many failed sign-in attempts/);
    isRefused = ((await formAlert(page).textContent()) ?? "").includes("Too many failed sign-in attempts");
  }
  expect(isRefused).toBe(true);
});

test("an anonymous visitor to a deep settings page comes back to it after signing in", async ({ page }) => {
  await page.goto("/settings/api-keys");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings%2Fapi-keys$/);
  await page.getByLabel("Email").fill(E2E.admin.email);
  await page.getByLabel("Password").fill(E2E.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
});

test("a forged X-Forwarded-For does not dodge the per-address throttle", async ({ baseURL }) => {
  // From [::1], so that this address's failures do not slow the other tests, which come from 127.0.0.1.
  const origin = (baseURL as string).replace("127.0.0.1", "[::1]");
  const attempt = async (i: number) => {
    const csrf = await fetch(`${origin}/api/auth/csrf`);
    const cookie = (csrf.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).join("; ");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await fetch(`${origin}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": `198.51.100.${i}` },
      body: new URLSearchParams({ csrfToken, email: `spray-${i}@e2e.test`, password: "wrong-password" }),
    });
    return decodeURIComponent(res.headers.get("location") ?? "");
  };
  // Each guess claims another address and names another account: only the real address is counted.
  for (let i = 0; i < 20; i++) expect(await attempt(i)).toContain("error=CredentialsSignin");
  expect(await attempt(20)).toContain("Too many failed sign-in attempts");
});
