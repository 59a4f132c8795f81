import { expect, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { startReceiver } from "../helpers/receiver";
import { createApiKeyInBrowser, screenshot, signInOk } from "./helpers";

// A disabled webhook's pending deliveries wait for it (parked): the screens must not promise a retry.

let receiver: Awaited<ReturnType<typeof startReceiver>>;
test.beforeAll(async () => {
  // The enable test (a ping) passes; every real delivery fails.
  receiver = await startReceiver((req, res) => {
    res.statusCode = req.headers.event === "ping" ? 200 : 500;
    res.end(req.headers.event === "ping" ? "pong" : "down");
  });
});
test.afterAll(() => receiver.close());

test("a pending delivery of a disabled webhook says it is parked, in the log, on its page and in the chart; a failed redeliver says it failed", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(60_000);
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  const key = await createApiKeyInBrowser(page, "parked test");
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${baseURL}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" } });
  const hook = (await (
    await api("/webhooks", { method: "POST", body: JSON.stringify({ url: `${receiver.url}/parked`, events: ["update_task"] }) })
  ).json()) as {
    id: string;
  };
  expect((await api(`/webhooks/${hook.id}/enable`, { method: "POST" })).status).toBe(200);
  expect((await api("/events", { method: "POST", body: JSON.stringify({ event: "update_task", data: { task: 1 } }) })).status).toBe(202);
  const firstFailure = async () => {
    const { data } = (await (await api(`/deliveries?webhookId=${hook.id}`)).json()) as { data: { id: string; status: string; attemptCount: number }[] };
    return data[0]?.status === "pending" && data[0].attemptCount >= 1 ? data[0].id : null;
  };
  await expect.poll(firstFailure, { timeout: 15_000 }).not.toBeNull();
  const deliveryId = (await firstFailure()) as string;
  expect((await api(`/webhooks/${hook.id}/disable`, { method: "POST" })).status).toBe(200);
  expect(((await (await api(`/deliveries/${deliveryId}`)).json()) as { isParked: boolean }).isParked).toBe(true);

  await page.goto(`/settings/webhooks/deliveries/${deliveryId}`);
  await expect(page.getByText("Parked", { exact: true })).toBeVisible();
  await expect(page.getByTestId("parked-note")).toContainText("Parked: the webhook is disabled.");
  await expect(page.getByText(/next attempt/)).toHaveCount(0);
  await screenshot(page, "delivery-parked");
  await page.getByTestId("parked-note").getByRole("link", { name: "enable the webhook" }).click();
  await expect(page).toHaveURL(new RegExp(`/settings/webhooks/${hook.id}$`));
  await expect(page.getByTestId("health-chart")).toContainText("Failed attempts, parked (webhook disabled)");
  await expect(page.getByTestId("delivery-row").first()).toContainText("Parked");
  await screenshot(page, "webhook-parked");

  // Redeliver sends now, parked or not; its failure reads as a failure.
  await page.goto(`/settings/webhooks/deliveries/${deliveryId}`);
  await page.getByRole("button", { name: "Redeliver" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Redelivery failed: Error status · HTTP 500" })).toBeVisible();
  await screenshot(page, "delivery-redeliver-failed");
});
