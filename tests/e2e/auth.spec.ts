import { expect, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { expectNoHorizontalScroll, formAlert, screenshot, signIn } from "./helpers";

test("an anonymous visitor is sent to the sign-in page", async ({ page }) => {
  await page.goto("/settings/webhooks");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings%2Fwebhooks$/);
  await expect(page.getByRole("heading", { name: "Sign in to Hookline" })).toBeVisible();
  await screenshot(page, "signin");
});

test("an admin signs in and sees Settings → Webhooks with its empty state", async ({ page }) => {
  await signIn(page, E2E.admin.email, E2E.admin.password);
  await expect(page).toHaveURL(/\/settings\/webhooks$/);
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  await expect(page.getByText("No webhooks yet")).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Settings" });
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
  await expect(page).toHaveURL(/\/settings\/webhooks$/);
});

test("a member gets a 403 page, on every settings page", async ({ page }) => {
  await signIn(page, E2E.member.email, E2E.member.password);
  await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
  await expect(page.getByText("No webhooks yet")).toHaveCount(0);
  await screenshot(page, "forbidden");
  for (const path of ["/settings/webhooks", "/settings/api-keys"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
    await expect(page.getByText("No API keys yet")).toHaveCount(0);
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
  for (let i = 0; i < 6; i++) {
    await signIn(page, email, `wrong-${i}`);
    await expect(formAlert(page)).toBeVisible();
  }
  await signIn(page, email, "wrong-again");
  await expect(formAlert(page)).toContainText("Too many failed sign-in attempts");
});
