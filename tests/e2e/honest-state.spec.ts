import { expect, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { startReceiver } from "../helpers/receiver";
import { createApiKeyInBrowser, screenshot, signInOk } from "./helpers";

// Nothing claims success early: an enable is "Testing…" until its test answers, a failed one says so
// once, a retrying delivery says why, and a disabled webhook's queue is parked.

let receiver: Awaited<ReturnType<typeof startReceiver>>;
test.beforeAll(async () => {
  receiver = await startReceiver(async (req, res) => {
    const path = req.url ?? "";
    // /slow-fail: the enable's ping waits 1.5 s, then fails. /flaky: pings pass, events fail (retried).
    if (path.startsWith("/slow-fail")) await new Promise((r) => setTimeout(r, 1_500));
    res.statusCode = path.startsWith("/slow-fail") || (path.startsWith("/flaky") && req.headers.event !== "ping") ? 500 : 200;
    res.end("answer");
  });
});
test.afterAll(() => receiver.close());

test("enabling shows Testing… (not green) until the test answers; a failed enable is one message; a passed test offers Enable now", async ({ page }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  const url = `${receiver.url}/slow-fail/${Date.now()}`;
  await page.goto("/settings/webhooks/new");
  await page.getByLabel("URL", { exact: true }).fill(url);
  await page.getByRole("checkbox", { name: "All events, including event types added later" }).check();
  await page.getByRole("button", { name: "Create webhook" }).click();
  await expect(page.getByRole("heading", { name: "Webhook created" })).toBeVisible();
  await page.getByRole("link", { name: "Done" }).click();

  const row = page.getByTestId("webhook-row").filter({ hasText: url });
  // A test first (it fails slowly too), then the switch.
  await row.getByRole("switch").click();
  await expect(row.getByRole("switch")).toHaveAttribute("aria-busy", "true");
  await expect(row.getByRole("switch")).toHaveAttribute("aria-checked", "false");
  await expect(row.getByTestId("webhook-status")).toContainText("Testing the URL before enabling…");
  await expect(row).not.toContainText("Working");
  await screenshot(page, "enable-testing");
  await expect(row.getByTestId("enable-error")).toContainText("Not enabled: the test delivery failed (the URL answered HTTP 500)");
  await expect(row.getByRole("switch")).toHaveAttribute("aria-checked", "false");
  await expect(row.getByRole("switch")).not.toHaveAttribute("aria-busy", "true");
  // One message: no toast repeating it, no test result beside it.
  await expect(page.getByText(/Not enabled: the test delivery failed/)).toHaveCount(1);
  await expect(row.getByTestId("test-result")).toHaveCount(0);
  await screenshot(page, "enable-failed-one-message");
});

test("after Create, a passed test offers Enable now on the same screen; it enables", async ({ page }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  const url = `${receiver.url}/flaky/created-${Date.now()}`;
  await page.goto("/settings/webhooks/new");
  await page.getByLabel("URL", { exact: true }).fill(url);
  await page.getByRole("checkbox", { name: "All events, including event types added later" }).check();
  await page.getByRole("button", { name: "Create webhook" }).click();
  await expect(page.getByTestId("created-status")).toContainText("Not enabled yet");
  await page.getByRole("button", { name: "Test", exact: true }).click();
  await expect(page.getByTestId("test-result")).toContainText("Test delivered · HTTP 200");
  await screenshot(page, "webhook-created-enable-now");
  await page.getByRole("button", { name: "Enable now" }).click();
  await expect(page.getByTestId("created-status")).toContainText("Enabled: it receives events from now on.");
  await expect(page.getByRole("switch")).toHaveAttribute("aria-checked", "true");
});

test("a delivery whose last attempt failed says Retrying and why; a disabled webhook's queue is parked", async ({ page, baseURL }) => {
  test.setTimeout(45_000);
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  const key = await createApiKeyInBrowser(page, `honest ${Date.now()}`);
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${baseURL}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" } });
  const hook = (await (
    await api("/webhooks", { method: "POST", body: JSON.stringify({ url: `${receiver.url}/flaky/retry`, events: ["update_task"] }) })
  ).json()) as {
    id: string;
  };
  expect((await api(`/webhooks/${hook.id}/enable`, { method: "POST" })).status).toBe(200);
  const published = (await (await api("/events", { method: "POST", body: JSON.stringify({ event: "update_task", data: { n: 1 } }) })).json()) as { id: string };
  const deliveryId = async () => {
    const { data } = (await (await api(`/deliveries?webhookId=${hook.id}`)).json()) as { data: { id: string; attemptCount: number; status: string }[] };
    return data[0]?.attemptCount && data[0].status === "pending" ? data[0].id : null;
  };
  await expect.poll(deliveryId, { timeout: 10_000 }).not.toBeNull();
  await page.goto(`/settings/webhooks/deliveries/${await deliveryId()}`);
  await expect(page.getByText("Retrying", { exact: true })).toBeVisible();
  // The e2e server's schedule is 2s,5s,10s: 4 attempts; after the first, "attempt 2 of 4".
  await expect(page.getByTestId("retry-note")).toContainText(/^Retrying · last attempt HTTP 500 · next at .+ · (attempt [23] of 4|final retry)$/);
  await screenshot(page, "delivery-retrying");
  expect(published.id).toBeTruthy();

  expect((await api(`/webhooks/${hook.id}/disable`, { method: "POST" })).status).toBe(200);
  await page.goto(`/settings/webhooks/${hook.id}`);
  await expect(page.getByTestId("webhook-queue")).toContainText("1 delivery parked");
  await expect(page.getByTestId("webhook-queue")).not.toContainText("scheduled");
});
