import { expect, type Locator, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { startReceiver } from "../helpers/receiver";
import { createApiKeyInBrowser, expectNoHorizontalScroll, expectTablesFit, screenshot, signInOk } from "./helpers";

// Events as the unit a receiver logs: the search takes the body's id, the event page shows every
// delivery it made; the log tells webhooks apart, filters by them, by exact code and by error class.

let receiver: Awaited<ReturnType<typeof startReceiver>>;
const bodies: string[] = [];

/** Reachable without scrolling sideways: the element lies within the page's width. */
async function expectWithinWidth(locator: Locator, width: number) {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= width).toBe(true);
}
test.beforeAll(async () => {
  receiver = await startReceiver((req, res, body) => {
    if (req.headers.event !== "ping") bodies.push(body);
    res.statusCode = req.headers.event !== "ping" && req.url?.includes("/teapot") ? 418 : 200;
    res.end("ok");
  });
});
test.afterAll(() => receiver.close());

test("a receiver's log line with the event id opens the event; the log filters by webhook, code and error", async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  const key = await createApiKeyInBrowser(page, "events test");
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${baseURL}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" } });
  const hooks: { id: string }[] = [];
  for (const [path, description] of [
    ["/same-host/orders/teapot", "Orders service"],
    ["/same-host/orders/archive", ""],
  ] as const) {
    const created = await api("/webhooks", {
      method: "POST",
      body: JSON.stringify({ url: `${receiver.url}${path}`, events: ["post_comment"], description }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const hook = (await created.json()) as { id: string };
    const enabled = await api(`/webhooks/${hook.id}/enable`, { method: "POST" });
    expect(enabled.status, await enabled.clone().text()).toBe(200);
    hooks.push(hook);
  }
  const published = (await (await api("/events", { method: "POST", body: JSON.stringify({ event: "post_comment", data: { comment: 9 } }) })).json()) as {
    id: string;
  };
  await expect.poll(() => bodies.filter((b) => b.includes(published.id)).length, { timeout: 15_000 }).toBe(2);

  // The line a receiver logs from the body: only the event id is in it.
  await page.goto("/settings/webhooks/deliveries");
  await page.getByLabel("Find a delivery by its UUID").fill(`2026-11-30 12:00:01 INFO comment hook id=${published.id} event=post_comment`);
  await page.getByRole("button", { name: "Open" }).click();
  await expect(page).toHaveURL(new RegExp(`/settings/webhooks/events/${published.id}$`));
  await expect(page.getByRole("heading", { name: "Event", level: 1 })).toBeVisible();
  await expect(page.getByText('"comment": 9')).toBeVisible();
  const rows = page.getByTestId("delivery-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "Orders service" })).toContainText("Error status · HTTP 418");
  // The other has no description: the end of its URL, where the two differ, is what shows.
  await expect(rows.filter({ hasText: "orders/archive" })).toHaveCount(1);
  await screenshot(page, "event-detail");
  expect(((await (await api(`/events/${published.id}`)).json()) as { deliveries: unknown[] }).deliveries).toHaveLength(2);

  // An id that is nothing here says so, instead of opening a page that says "may have expired".
  await page.goto("/settings/webhooks/deliveries");
  await page.getByLabel("Find a delivery by its UUID").fill("0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d");
  await page.getByRole("button", { name: "Open" }).click();
  await expect(page.getByText(/No delivery or event with the id 0b7c1d2e/)).toBeVisible();

  // Tell the two webhooks on one host apart, and filter the log from a row.
  const orders = page.getByTestId("delivery-row").filter({ hasText: "Orders service" }).first();
  await orders.getByRole("button", { name: "Orders service" }).focus();
  await expect(page.getByRole("tooltip").filter({ hasText: `${receiver.url}/same-host/orders/teapot` })).toBeVisible();
  await orders.getByRole("button", { name: "Orders service" }).click();
  await expect(page).toHaveURL(new RegExp(`webhookId=${hooks[0]?.id}`));
  await expect(page.getByTestId("delivery-row").filter({ hasText: "archive" })).toHaveCount(0);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/settings\/webhooks\/deliveries$/);

  await page.getByLabel("Exact code").fill("418");
  await expect(page).toHaveURL(/statusCode=418/);
  await expect(page.getByTestId("delivery-row").first()).toContainText("HTTP 418");
  await expect(page.getByTestId("delivery-row").filter({ hasText: "HTTP 200" })).toHaveCount(0);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.getByLabel("Error").selectOption("http_status");
  await expect(page).toHaveURL(/errorClass=http_status/);
  await expect(page.getByTestId("delivery-row").filter({ hasText: "HTTP 200" })).toHaveCount(0);
  expect((await api("/deliveries?errorClass=bogus")).status).toBe(400);
  await screenshot(page, "deliveries-filtered");

  // At phone width each row is a card: its Delivery link is on screen, nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  const deliveryLinks = page.getByTestId("delivery-row").getByRole("link", { name: /^Delivery / });
  await page.goto(`/settings/webhooks/events/${published.id}`);
  await expect(page.getByTestId("delivery-row")).toHaveCount(2);
  await expectNoHorizontalScroll(page);
  await expectTablesFit(page);
  for (const link of await deliveryLinks.all()) await expectWithinWidth(link, 390);
  await screenshot(page, "event-detail-390");
  await page.goto("/settings/webhooks/deliveries");
  await expect(page.getByTestId("delivery-row").first()).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectTablesFit(page);
  await expectWithinWidth(deliveryLinks.first(), 390);
  await screenshot(page, "deliveries-390");
});
