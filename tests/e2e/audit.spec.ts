import { expect, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { startReceiver } from "../helpers/receiver";
import { createApiKeyInBrowser, expectNoHorizontalScroll, screenshot, signInOk } from "./helpers";

let receiver: Awaited<ReturnType<typeof startReceiver>>;
test.beforeAll(async () => {
  receiver = await startReceiver((_q, res) => res.end("ok"));
});
test.afterAll(() => receiver.close());

test("the audit log names who changed a webhook, through a key and in the browser, and filters to it", async ({ page, baseURL }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  const keyName = `audit e2e ${Date.now()}`;
  const key = await createApiKeyInBrowser(page, keyName);
  const created = await fetch(`${baseURL}/api/v1/webhooks`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ url: `${receiver.url}/audit`, events: ["update_task"], description: "Audited" }),
  });
  const hook = (await created.json()) as { id: string };
  // In the browser: a new description, then the token rotated.
  await page.goto(`/settings/webhooks/${hook.id}/edit`);
  await page.getByLabel("Description").fill("Audited, renamed");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/settings\/webhooks$/);

  await page.goto("/settings/audit-log");
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await page.getByLabel("Target id").fill(hook.id);
  await page.getByLabel("Target id").press("Enter");
  const entries = page.getByTestId("audit-entry");
  await expect(entries).toHaveCount(2);
  // Newest first: the browser's change by the admin, then the key's creation.
  await expect(entries.nth(0)).toContainText("Changed webhook");
  await expect(entries.nth(0)).toContainText(`by ${E2E.admin.email} (user)`);
  await expect(entries.nth(0)).toContainText("description: Audited → Audited, renamed");
  await expect(entries.nth(1)).toContainText("Created webhook");
  await expect(entries.nth(1)).toContainText(`by ${keyName} (API key)`);
  await expect(entries.nth(1)).toContainText("from 127.0.0.1");
  await screenshot(page, "audit-log-1280");

  // One action only.
  await page.getByLabel("Action").selectOption({ label: "Created webhook" });
  await expect(entries).toHaveCount(1);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await screenshot(page, "audit-log-390");
  await page.setViewportSize({ width: 1280, height: 800 });

  // The operator's other log: the installation's own, where sign-ins are.
  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.getByRole("button", { name: /Installation/ }).click();
  await expect(entries.filter({ hasText: "Signed in" }).first()).toContainText(E2E.admin.email);

  // Deleted through the key: recorded, and the Default workspace is left as this test found it.
  const deleted = await fetch(`${baseURL}/api/v1/webhooks/${hook.id}`, { method: "DELETE", headers: { authorization: `Bearer ${key}` } });
  expect(deleted.status).toBe(204);
  await page.getByRole("button", { name: "This workspace" }).click();
  await page.getByLabel("Action").selectOption({ label: "Deleted webhook" });
  await expect(entries.filter({ hasText: `${receiver.url}/audit` })).toContainText(`by ${keyName} (API key)`);
});
