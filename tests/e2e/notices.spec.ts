import { expect, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { expectNoHorizontalScroll, screenshot, signInOk } from "./helpers";

// Being told: the admin's own email setting (this server runs without SMTP_URL, so the page says
// email is off), and Hookline's operational events in the events picker, ready to subscribe to.

test("Settings → Account: the email switch is saved and kept; without SMTP_URL the card says email is off", async ({ page }) => {
  await signInOk(page, E2E.account.email, E2E.account.password);
  await page.goto("/settings/account");
  const toggle = page.getByRole("switch", { name: "Email me when a webhook breaks" });
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await expect(page.getByTestId("email-off")).toContainText("Email is off on this installation");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await page.reload();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await screenshot(page, "account-email-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await screenshot(page, "account-email-390");
  await page.setViewportSize({ width: 1280, height: 800 });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
});

test("the events picker offers Hookline's own news, with what each means", async ({ page }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/webhooks/new");
  const group = page.getByRole("group", { name: "Hookline" });
  await expect(group.getByText("hookline.webhook.disabled")).toBeVisible();
  await expect(group.getByText("A webhook was disabled by Hookline (failure limit or 410 Gone)")).toBeVisible();
  await expect(group.getByText("hookline.delivery.failed")).toBeVisible();
});
