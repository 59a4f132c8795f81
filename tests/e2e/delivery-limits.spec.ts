import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { expectNoHorizontalScroll, screenshot, signInOk } from "./helpers";

// A receiver that answers test pings at once and holds every real delivery open until released:
// a slow receiver, as the webhook page should show it being held back.
let receiver: http.Server;
let base = "";
const held: http.ServerResponse[] = [];
let isHolding = true;

test.beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.headers.event === "ping" || !isHolding) res.end("ok");
      else held.push(res);
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  isHolding = false;
  for (const res of held.splice(0)) res.end("ok");
  await new Promise<void>((r) => receiver.close(() => r()));
});

test("delivery limits: set in the form, and the webhook page shows a slow receiver held back", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/webhooks/new");
  await page.getByLabel("URL", { exact: true }).fill(`${base}/slow`);
  await page.getByLabel("Search events").fill("comment.deleted");
  await page.getByRole("checkbox", { name: /^comment\.deleted/ }).check();
  await expect(page.getByLabel("Requests in flight at most")).toHaveValue("16");

  // The schema's limits, next to their fields, and nothing saved.
  await page.getByLabel("Requests in flight at most").fill("0");
  await page.getByLabel("Requests per second at most (optional)").fill("100000");
  await page.getByRole("button", { name: "Create webhook" }).click();
  await expect(page.getByText("Allow at least 1 request in flight")).toBeVisible();
  await expect(page.getByText("At most 10000 requests per second")).toBeVisible();

  await page.getByLabel("Requests in flight at most").fill("2");
  await page.getByLabel("Requests per second at most (optional)").fill("");
  await page.getByRole("button", { name: "Create webhook" }).click();
  await expect(page.getByRole("heading", { name: "Webhook created" })).toBeVisible();
  await page.getByRole("link", { name: "Done" }).click();
  const row = page.getByTestId("webhook-row").filter({ hasText: `${base}/slow` });
  await row.getByRole("switch").click(); // the test ping is answered at once
  await expect(row).toContainText("Working");
  const id = (await row.getAttribute("data-webhook-id")) as string;
  await page.goto(`/settings/webhooks/${id}`);
  await expect(page.getByText("2 in flight, no rate limit")).toBeVisible();

  // Six events: two are sent and held by the receiver, four wait for a slot.
  const key = await page.evaluate(async () => {
    const r = await fetch("/api/v1/api-keys", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "limits e2e" }),
    });
    return ((await r.json()) as { key: string }).key;
  });
  const events = Array.from({ length: 6 }, (_, i) => ({ event: "comment.deleted", data: { i } }));
  const published = await fetch(`${baseURL}/api/v1/events/batch`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ events }),
  });
  expect(published.status).toBe(202);
  // The page read an idle queue before the publish, and re-reads an idle one only every 15 s: as an
  // admin would, look again now (waiting out the 15 s raced the assertion's own timeout).
  await page.reload();
  const queue = page.getByTestId("webhook-queue");
  // Four wait (fewer once the server's 5 s timeout has turned the first two into scheduled retries).
  await expect(queue).toContainText(/[1-4] queued · 2 in flight of 2/, { timeout: 15_000 });
  await expect(queue).toContainText("Held back by its limit of 2 requests in flight");
  expect(held.filter((res) => !res.destroyed)).toHaveLength(2);
  await screenshot(page, "webhook-held-back-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await screenshot(page, "webhook-held-back-390");
  await page.setViewportSize({ width: 1280, height: 800 });

  // The receiver recovers: the queue drains, two at a time at most.
  isHolding = false;
  for (const res of held.splice(0)) res.end("ok");
  // (Retries of the timed-out ones are due 2 s later; an idle queue is re-read every 15 s.)
  await expect(queue).toHaveText("0 queued · 0 in flight of 2", { timeout: 60_000 });

  // Editing: a rate limit is saved and shown; clearing it lifts it.
  await page.goto(`/settings/webhooks/${id}/edit`);
  await expect(page.getByLabel("Requests in flight at most")).toHaveValue("2");
  await page.getByLabel("Requests per second at most (optional)").fill("5");
  await screenshot(page, "webhook-form-limits-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await screenshot(page, "webhook-form-limits-390");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/settings\/webhooks$/);
  await page.goto(`/settings/webhooks/${id}`);
  await expect(page.getByText("2 in flight, 5 per second")).toBeVisible();
  await page.goto(`/settings/webhooks/${id}/edit`);
  await page.getByLabel("Requests per second at most (optional)").fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/settings\/webhooks$/);
  await page.goto(`/settings/webhooks/${id}`);
  await expect(page.getByText("2 in flight, no rate limit")).toBeVisible();
  // Left disabled, so later tests' events are not held by this receiver.
  await page.request.post(`/api/v1/webhooks/${id}/disable`, { headers: { origin: baseURL ?? "" } });
});
