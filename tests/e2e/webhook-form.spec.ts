import { expect, type Page, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { startReceiver } from "../helpers/receiver";
import { openEditPage, screenshot, signInOk } from "./helpers";

// The form says only true things about its URL: a test result names the URL it tested and goes away
// when what it tested changes, and an enabled webhook cannot be moved to a URL that fails.

let receiver: Awaited<ReturnType<typeof startReceiver>>;
test.beforeAll(async () => {
  receiver = await startReceiver((req, res) => {
    res.statusCode = req.url?.startsWith("/fail") ? 500 : 200;
    res.end(req.url?.startsWith("/fail") ? "receiver is down" : "thanks");
  });
});
test.afterAll(() => receiver.close());

const urlField = (page: Page) => page.getByLabel("URL", { exact: true });
const result = (page: Page) => page.getByTestId("test-result");

test("a test result names its URL and clears when the URL or the credentials change", async ({ page }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/webhooks/new");
  await urlField(page).fill(`${receiver.url}/ok`);
  await page.getByRole("button", { name: "Test URL" }).click();
  await expect(result(page)).toContainText("Test delivered · HTTP 200");
  await expect(page.getByTestId("tested-url")).toHaveText(`Tested ${receiver.url}/ok`);

  await urlField(page).fill(`${receiver.url}/fail`);
  await expect(result(page)).toHaveCount(0);
  await page.getByRole("button", { name: "Test URL" }).click();
  await expect(result(page)).toContainText("Test failed: Error status · HTTP 500");
  await expect(page.getByTestId("tested-url")).toHaveText(`Tested ${receiver.url}/fail`);
  await screenshot(page, "webhook-form-test-failed");

  // A URL that cannot be tested: its field error, and no earlier result beside it.
  await urlField(page).fill("ftp://example.com/x");
  await page.getByRole("button", { name: "Test URL" }).click();
  await expect(urlField(page)).toHaveAttribute("aria-invalid", "true");
  await expect(result(page)).toHaveCount(0);

  await urlField(page).fill(`${receiver.url}/ok`);
  await page.getByRole("button", { name: "Test URL" }).click();
  await expect(result(page)).toContainText("HTTP 200");
  await page.getByLabel("HTTP user (optional)").fill("bob");
  await expect(result(page)).toHaveCount(0);
  await page.getByRole("button", { name: "Test URL" }).click();
  await expect(result(page)).toContainText("HTTP 200");
  await page.getByLabel("HTTP password (optional)").fill("secret");
  await expect(result(page)).toHaveCount(0);
});

test("moving an enabled webhook to a failing URL is refused with the reason, or saved disabled", async ({ page }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/webhooks/new");
  const url = `${receiver.url}/ok/moving`;
  await urlField(page).fill(url);
  await page.getByLabel("Description (optional)").fill("Moving receiver");
  await page.getByRole("checkbox", { name: "All events, including event types added later" }).check();
  await page.getByRole("button", { name: "Create webhook" }).click();
  await page.getByRole("link", { name: "Done" }).click();
  const row = page.getByTestId("webhook-row").filter({ hasText: url });
  await row.getByRole("switch").click();
  await expect(row).toContainText("Working");

  await openEditPage(page, row);
  await urlField(page).fill(`${receiver.url}/fail/moving`);
  await page.getByRole("button", { name: "Save changes" }).click();
  const alert = page.locator("form [role=alert]").first();
  await expect(alert).toContainText("Not saved: the test delivery to the new URL failed (the URL answered HTTP 500)");
  await expect(alert).toContainText("The webhook still delivers to its saved URL.");
  expect(((await alert.textContent()) ?? "").match(/not saved|nothing was saved/gi)).toHaveLength(1); // said once
  await screenshot(page, "webhook-form-url-refused");

  await page.getByRole("button", { name: "Save it disabled" }).click();
  await expect(page).toHaveURL(/\/settings\/webhooks$/);
  const moved = page.getByTestId("webhook-row").filter({ hasText: `${receiver.url}/fail/moving` });
  await expect(moved).toContainText("Disabled");
  await expect(moved.getByRole("switch")).toHaveAttribute("aria-checked", "false");
});

test("signature checkboxes: all three by default, at least one, and Test and the saved webhook sign as ticked", async ({ page }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/webhooks/new");
  const signatures = page.getByRole("group", { name: "Signatures" });
  const box = (name: string) => signatures.getByRole("checkbox", { name: new RegExp(`^${name}`) });
  for (const name of ["Teamwork", "Standard Webhooks", "Twenty"]) await expect(box(name)).toBeChecked();
  await expect(signatures).toContainText("X-Twenty-Webhook-Signature");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await signatures.scrollIntoViewIfNeeded();
    await screenshot(page, `webhook-form-signatures-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  const url = `${receiver.url}/ok/twenty-only`;
  await urlField(page).fill(url);
  await page.getByRole("checkbox", { name: "All events, including event types added later" }).check();
  for (const name of ["Teamwork", "Standard Webhooks", "Twenty"]) await box(name).uncheck();
  await page.getByRole("button", { name: "Create webhook" }).click();
  await expect(signatures).toContainText("Pick at least one signature family");
  await expect(page).toHaveURL(/\/settings\/webhooks\/new$/);

  // Test signs with what is ticked, before anything is saved.
  await box("Twenty").check();
  await page.getByRole("button", { name: "Test URL" }).click();
  await expect(result(page)).toContainText("HTTP 200");
  const ping = receiver.received.at(-1)?.headers ?? {};
  expect(ping["x-twenty-webhook-signature"]).toMatch(/^[0-9a-f]{64}$/);
  expect(ping["x-twenty-webhook-nonce"]).toMatch(/^[0-9a-f]{32}$/);
  expect(ping).not.toHaveProperty("signature");
  expect(ping).not.toHaveProperty("webhook-signature");

  await page.getByRole("button", { name: "Create webhook" }).click();
  await page.getByRole("link", { name: "Done" }).click();
  await page.getByTestId("webhook-row").filter({ hasText: url }).locator("[data-row-link]").click();
  await expect(page.getByTestId("signature-families")).toHaveText("Twenty");
  await expect(page.getByRole("tab", { name: "Signature", exact: true })).toHaveCount(0);
  await expect(page.locator("pre")).toContainText("verifyTwenty");

  await page.getByRole("link", { name: "Edit" }).click();
  await expect(box("Twenty")).toBeChecked();
  await expect(box("Teamwork")).not.toBeChecked();
  await box("Teamwork").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/settings\/webhooks$/);
  await page.getByTestId("webhook-row").filter({ hasText: url }).locator("[data-row-link]").click();
  await expect(page.getByTestId("signature-families")).toHaveText("Teamwork, Twenty");
});
