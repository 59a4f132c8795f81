import { expect, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { startReceiver } from "../helpers/receiver";
import { createApiKeyInBrowser, screenshot, signInOk } from "./helpers";

// Pages left open follow what happens (GET /api/v1/live): no reload anywhere in this file.

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let isGone = false;
/** How many of the next event requests answer 500 (then 200 again). */
let failNext = 0;
test.beforeAll(async () => {
  receiver = await startReceiver((req, res) => {
    // The enable test (a ping) passes; events pass until the receiver is "gone" (410 disables at once).
    const isEvent = req.headers.event !== "ping";
    // failNext is for the retry test's own webhook only: earlier tests' webhooks here get its events too.
    const isRetryHook = (req.url ?? "").startsWith("/retry");
    res.statusCode = isEvent && isGone ? 410 : isEvent && isRetryHook && failNext > 0 && failNext-- > 0 ? 500 : 200;
    res.end("ok");
  });
});
test.afterAll(() => receiver.close());

test("the webhook page, the log and the list follow deliveries and an auto-disable without a reload", async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  const key = await createApiKeyInBrowser(page, `live ${Date.now()}`);
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${baseURL}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" } });
  const hook = (await (await api("/webhooks", { method: "POST", body: JSON.stringify({ url: `${receiver.url}/live`, events: ["update_task"] }) })).json()) as {
    id: string;
  };
  expect((await api(`/webhooks/${hook.id}/enable`, { method: "POST" })).status).toBe(200);

  await page.goto(`/settings/webhooks/${hook.id}`);
  await expect(page.getByTestId("webhook-status")).toContainText("Working");
  const rows = page.getByTestId("delivery-row");
  await expect(page.getByText("No deliveries match these filters.")).toBeVisible();

  // A delivery published while the page is open appears in its log, at the top.
  expect((await api("/events", { method: "POST", body: JSON.stringify({ event: "update_task", data: { task: "live-1" } }) })).status).toBe(202);
  await expect(rows).toHaveCount(1, { timeout: 4_000 });
  await expect(rows.first()).toContainText("Succeeded", { timeout: 4_000 });

  // The receiver goes away: Hookline disables the webhook, and the open page says so within seconds.
  isGone = true;
  expect((await api("/events", { method: "POST", body: JSON.stringify({ event: "update_task", data: { task: "live-2" } }) })).status).toBe(202);
  await expect(page.getByTestId("webhook-status")).toContainText("Disabled", { timeout: 5_000 });
  await expect(rows).toHaveCount(2);
  await screenshot(page, "live-webhook-disabled");

  // The list, opened now and left open, follows an enable made elsewhere (the API).
  isGone = false;
  await page.goto("/settings/webhooks");
  const row = page.getByTestId("webhook-row").filter({ hasText: `${receiver.url}/live` });
  await expect(row).toContainText("Disabled");
  expect((await api(`/webhooks/${hook.id}/enable`, { method: "POST" })).status).toBe(200);
  await expect(row).toContainText("Working", { timeout: 4_000 });
});

test("a scrolled or filtered log does not move: new deliveries wait behind a button", async ({ page, baseURL }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  const key = await createApiKeyInBrowser(page, `live log ${Date.now()}`);
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${baseURL}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" } });
  const hook = (await (await api("/webhooks", { method: "POST", body: JSON.stringify({ url: `${receiver.url}/log`, events: ["update_task"] }) })).json()) as {
    id: string;
  };
  expect((await api(`/webhooks/${hook.id}/enable`, { method: "POST" })).status).toBe(200);
  await page.goto(`/settings/webhooks/deliveries?webhookId=${hook.id}`);
  const rows = page.getByTestId("delivery-row");
  await expect(page.getByText("No deliveries match these filters.")).toBeVisible();
  for (const n of [1, 2]) expect((await api("/events", { method: "POST", body: JSON.stringify({ event: "update_task", data: { n } }) })).status).toBe(202);
  const button = page.getByRole("button", { name: /2 new deliveries/ });
  await expect(button).toBeVisible({ timeout: 4_000 });
  await expect(rows).toHaveCount(0); // filtered: nothing moved
  await screenshot(page, "live-log-new-button");
  await button.click();
  await expect(rows).toHaveCount(2);
  await expect(button).toHaveCount(0);
});

test("a delivery's page follows its retries: Retrying, then Succeeded, without a reload", async ({ page, baseURL }) => {
  test.setTimeout(45_000);
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  const key = await createApiKeyInBrowser(page, `live delivery ${Date.now()}`);
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${baseURL}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" } });
  const hook = (await (await api("/webhooks", { method: "POST", body: JSON.stringify({ url: `${receiver.url}/retry`, events: ["update_task"] }) })).json()) as {
    id: string;
  };
  expect((await api(`/webhooks/${hook.id}/enable`, { method: "POST" })).status).toBe(200);
  isGone = false;
  // The first two attempts fail with 500; the second retry (2 s, then 5 s later: HOOKLINE_RETRY_SCHEDULE) succeeds.
  failNext = 2;
  expect((await api("/events", { method: "POST", body: JSON.stringify({ event: "update_task", data: { task: "retry" } }) })).status).toBe(202);
  const pendingId = async () => {
    const { data } = (await (await api(`/deliveries?webhookId=${hook.id}`)).json()) as { data: { id: string; attemptCount: number }[] };
    return data[0]?.attemptCount ? data[0].id : null;
  };
  await expect.poll(pendingId, { timeout: 5_000 }).not.toBeNull();
  await page.goto(`/settings/webhooks/deliveries/${await pendingId()}`);
  await expect(page.getByText("Retrying", { exact: true })).toBeVisible();
  await expect(page.getByTestId("retry-note")).toContainText("last attempt HTTP 500");
  await expect(page.getByText("Succeeded", { exact: true })).toBeVisible({ timeout: 12_000 });
  await expect(page.getByTestId("attempt")).toHaveCount(3);
});
