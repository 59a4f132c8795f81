import { expect, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { startReceiver } from "../helpers/receiver";
import { createWebhookInBrowser, openEditPage, screenshot, signInOk } from "./helpers";

// The webhook's own page: enable and disable there, a failed enable's reason kept across a reload,
// and a rotation's overlap chosen, its end shown.

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let isUp = false;
test.beforeAll(async () => {
  receiver = await startReceiver((_req, res) => {
    res.statusCode = isUp ? 200 : 503;
    res.end(isUp ? "ok" : "down");
  });
});
test.afterAll(() => receiver.close());

test("enable and disable on the webhook's page; a failed enable stays explained after a reload", async ({ page }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await createWebhookInBrowser(page, `${receiver.url}/page`);
  const row = page.getByTestId("webhook-row").filter({ hasText: `${receiver.url}/page` });
  await row.getByRole("link", { name: `${receiver.url}/page`, exact: true }).click();
  // On the webhook's own page (the list's row has a switch of the same name: not that one).
  await expect(page).toHaveURL(/\/settings\/webhooks\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("health-chart")).toBeVisible();

  const toggle = page.getByRole("switch", { name: `Enabled: ${receiver.url}/page` });
  await toggle.click();
  await expect(page.getByTestId("enable-error")).toContainText("Not enabled: the test delivery failed (the URL answered HTTP 503)");
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await page.reload();
  await expect(page.getByTestId("enable-error")).toContainText("Not enabled: the test delivery failed (the URL answered HTTP 503)");
  await page.goto("/settings/webhooks");
  await expect(row.getByTestId("enable-error")).toContainText("HTTP 503");
  await screenshot(page, "webhooks-enable-error-kept");

  await row.getByRole("link", { name: `${receiver.url}/page`, exact: true }).click();
  isUp = true;
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await expect(page.getByText("Working", { exact: true })).toBeVisible();
  await expect(page.getByTestId("enable-error")).toHaveCount(0);
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await expect(page.getByText("Disabled", { exact: true })).toBeVisible();
});

test("rotating asks how long the old token signs, says it is immediate, and the page shows the old token's end", async ({ page }) => {
  isUp = true;
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await createWebhookInBrowser(page, `${receiver.url}/rotate`);
  const row = page.getByTestId("webhook-row").filter({ hasText: `${receiver.url}/rotate` });
  await openEditPage(page, row);
  await page.getByRole("button", { name: "Rotate", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("This happens at once, even if you then cancel this form.");
  await expect(dialog.getByRole("radio", { name: "24 hours" })).toBeChecked();
  await dialog.getByRole("radio", { name: "1 hour" }).check();
  await screenshot(page, "rotate-dialog");
  await dialog.getByRole("button", { name: "Rotate", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Token rotated. The old token also signs until" })).toBeVisible();
  await page.getByRole("link", { name: "Cancel" }).click();
  await row.getByRole("link", { name: `${receiver.url}/rotate`, exact: true }).click();
  const previous = page.getByTestId("previous-token");
  await expect(previous).toContainText("Also signs until");
  const until = Date.parse(((await previous.textContent()) ?? "").replace(/^Also signs until (.*) \(rotated\)$/, "$1"));
  // About an hour from now (the page prints local time to the second).
  expect(Math.abs(until - (Date.now() + 3_600_000))).toBeLessThan(120_000);

  await page.goto(`/settings/webhooks`);
  await openEditPage(page, row);
  await page.getByRole("button", { name: "Rotate", exact: true }).click();
  await page.getByRole("dialog").getByRole("radio", { name: "Stop it now (for a leaked token)" }).check();
  await page.getByRole("dialog").getByRole("button", { name: "Rotate", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Token rotated. The old token no longer signs." })).toBeVisible();
  await page.getByRole("link", { name: "Cancel" }).click();
  await row.getByRole("link", { name: `${receiver.url}/rotate`, exact: true }).click();
  await expect(page.getByRole("heading", { name: "Health" })).toBeVisible();
  await expect(page.getByTestId("previous-token")).toHaveCount(0);
});
