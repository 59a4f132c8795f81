import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { createApiKeyInBrowser, expectNoHorizontalScroll, screenshot, signInOk } from "./helpers";

// A receiver that fails the first real delivery and then recovers; it logs each Delivery id the way
// a receiver's own log would, so the test can paste a log line into the search box.
let server: http.Server;
let base = "";
const log: string[] = [];
const requests: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let realDeliveries = 0;

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      requests.push({ headers: req.headers, body });
      if (req.headers.event === "ping") return res.end("pong");
      realDeliveries++;
      log.push(`2026-11-24T10:00:00Z INFO received webhook delivery=${req.headers.delivery} event=${req.headers.event}`);
      res.statusCode = realDeliveries === 1 ? 500 : 200;
      res.end(realDeliveries === 1 ? "database is down" : "stored");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

test("find a delivery by its UUID, read its attempts, redeliver, debug a signature, see the chart", async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  const key = await createApiKeyInBrowser(page, "log test");
  const auth = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  const hook = (await (
    await fetch(`${baseURL}/api/v1/webhooks`, { method: "POST", headers: auth, body: JSON.stringify({ url: `${base}/flaky`, events: ["update_task"] }) })
  ).json()) as {
    id: string;
    token: string;
  };
  expect((await fetch(`${baseURL}/api/v1/webhooks/${hook.id}/enable`, { method: "POST", headers: auth })).status).toBe(200);
  const published = await fetch(`${baseURL}/api/v1/events`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ event: "update_task", data: { task: 7, title: "Fix login" } }),
  });
  expect(published.status).toBe(202);

  // Attempt 1 fails (500), the retry 2 s later succeeds.
  await expect.poll(() => realDeliveries, { timeout: 20_000 }).toBe(2);
  const line = log[0] as string;
  const deliveryId = /delivery=([0-9a-f-]{36})/.exec(line)?.[1] as string;

  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Deliveries" }).click();
  await expect(page.getByRole("heading", { name: "Deliveries", level: 1 })).toBeVisible();
  await expect(page.getByTestId("delivery-row").first()).toBeVisible();
  await screenshot(page, "deliveries-log");
  await page.getByLabel("Find a delivery by its UUID").fill(line);
  await page.getByRole("button", { name: "Open" }).click();
  await expect(page).toHaveURL(new RegExp(`/settings/webhooks/deliveries/${deliveryId}$`));
  await expect(page.getByText(deliveryId, { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("attempt")).toHaveCount(2);
  await expect(page.getByTestId("attempt").nth(0)).toContainText("auto");
  await expect(page.getByTestId("attempt").nth(0)).toContainText("Error status · HTTP 500");
  await expect(page.getByTestId("attempt").nth(1)).toContainText("retry");
  await expect(page.getByTestId("attempt").nth(1)).toContainText("HTTP 200");
  await page.getByTestId("attempt").nth(0).locator("summary").click();
  await expect(page.getByText("database is down")).toBeVisible();
  await screenshot(page, "delivery-detail");

  await page.getByRole("button", { name: "Redeliver" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Redelivered: HTTP 200 in \d+ ms$/ })).toBeVisible();
  await expect(page.getByTestId("attempt")).toHaveCount(3);
  await expect(page.getByTestId("attempt").nth(2)).toContainText("manual");
  expect(requests.filter((r) => r.headers.delivery === deliveryId)).toHaveLength(3);

  const signed = requests.filter((r) => r.headers.delivery === deliveryId).at(-1);
  await page.getByLabel("Secret").fill("whsec_bm90LXRoZS1yaWdodC1zZWNyZXQtYXQtYWxsLTEyMzQ=");
  await page.getByLabel("Signature your receiver computed").fill(String(signed?.headers["webhook-signature"]));
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("signature-verdict")).toContainText("wrong secret");
  await page.getByLabel("Secret").fill(hook.token);
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("signature-verdict")).toContainText("webhook-signature: match");
  await screenshot(page, "signature-debugger");
  // Pasted as receivers' libraries take them: the secret without whsec_, the hex as sha256=<hex>.
  await page.getByLabel("Secret").fill(hook.token.slice("whsec_".length));
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("signature-normalized")).toContainText("whsec_ followed by what you pasted");
  await expect(page.getByTestId("signature-verdict")).toContainText("webhook-signature: match");
  await expect(page.getByTestId("signature-verdict")).toBeInViewport();
  await page.getByLabel("Secret").fill(hook.token);
  await page.getByLabel("Signature your receiver computed").fill(`sha256=${signed?.headers.signature}`);
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("signature-verdict")).toContainText("Signature: match");
  await expect(page.getByTestId("signature-normalized")).toContainText("without its sha256= prefix");

  await page.getByRole("link", { name: `${base}/flaky` }).click();
  await expect(page).toHaveURL(new RegExp(`/settings/webhooks/${hook.id}$`));
  await expect(page.getByTestId("health-chart").locator(".recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("health-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByRole("tab", { name: "Python" })).toBeVisible();
  await page.getByRole("button", { name: "Replay", exact: true }).click();
  await expect(page.getByText(/Re-queued 0 deliveries/)).toBeVisible();
  await screenshot(page, "webhook-detail");

  // The same pages at phone width: nothing makes the page scroll sideways (tables scroll in place).
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of [`/settings/webhooks/${hook.id}`, "/settings/webhooks/deliveries", `/settings/webhooks/deliveries/${deliveryId}`]) {
    await page.goto(path);
    await expect(page.locator("main h1")).toBeVisible();
    await expectNoHorizontalScroll(page);
  }
  await screenshot(page, "delivery-detail-390");
});
