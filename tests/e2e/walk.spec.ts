import { expect, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { startReceiver } from "../helpers/receiver";
import { createApiKeyInBrowser, screenshot, signInOk } from "./helpers";

// The defects a new user's walk through the screens found (issue 22.4), each checked as they met it.

let receiver: Awaited<ReturnType<typeof startReceiver>>;
test.beforeAll(async () => {
  receiver = await startReceiver((_req, res) => {
    res.statusCode = 200;
    res.end("ok");
  });
});
test.afterAll(() => receiver.close());

async function setUp(page: import("@playwright/test").Page, baseURL: string | undefined, description = "") {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  const key = await createApiKeyInBrowser(page, `walk ${Date.now()}`);
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${baseURL}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" } });
  const hook = (await (
    await api("/webhooks", { method: "POST", body: JSON.stringify({ url: `${receiver.url}/walk/${Date.now()}`, events: ["update_task"], description }) })
  ).json()) as { id: string; url: string };
  expect((await api(`/webhooks/${hook.id}/enable`, { method: "POST" })).status).toBe(200);
  const event = (await (await api("/events", { method: "POST", body: JSON.stringify({ event: "update_task", data: { walk: 1 } }) })).json()) as { id: string };
  return { api, hook, event };
}

test("at 390 px the chart's time labels do not overlap, and its tooltip names the day and month", async ({ page, baseURL }) => {
  const { hook } = await setUp(page, baseURL);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/settings/webhooks/${hook.id}`);
  const ticks = page.locator("[data-testid=health-chart] .recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value");
  await expect.poll(() => ticks.count()).toBeGreaterThan(2);
  for (const range of ["Last 24h", "Last 7d"]) {
    await page.getByRole("button", { name: range }).click();
    await page.waitForTimeout(300);
    const boxes = (await ticks.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) as DOMRect[];
    const sorted = boxes.sort((a, b) => a.left - b.left);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i]?.left, `${range}: tick ${i} starts after tick ${i - 1} ends`).toBeGreaterThanOrEqual((sorted[i - 1]?.right ?? 0) + 2);
  }
  const chart = page.getByTestId("health-chart");
  const box = await chart.boundingBox();
  await page.mouse.move((box?.x ?? 0) + (box?.width ?? 0) * 0.6, (box?.y ?? 0) + 100);
  await expect(chart.locator(".recharts-tooltip-label")).toHaveText(/(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec).* – /);
  await screenshot(page, "walk-chart-390");
});

test("the API reference shows realistic examples; code blocks stay dark in dark mode", async ({ page }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/api-docs");
  const text = (await page.locator("main").textContent()) ?? "";
  expect(text).not.toContain("9007199254740991");
  expect(text).not.toMatch(/"string"/);
  expect(text).toContain('"createdAt": "2026-12-06T21:00:00.000Z"');

  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/settings/api-keys");
  const example = page.getByTestId("admin-key-example");
  await expect(example).toBeVisible();
  const lightness = await example.evaluate((el) => {
    const c = getComputedStyle(el).backgroundColor;
    const probe = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
    probe.fillStyle = c;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    return ((r ?? 0) + (g ?? 0) + (b ?? 0)) / 3;
  });
  expect(lightness).toBeLessThan(60);
  await screenshot(page, "walk-code-dark");
});

test("an event's page marks Deliveries in the nav; an attempt row says it opens; long descriptions end in an ellipsis at 390 px; the log's filters fold", async ({
  page,
  baseURL,
}) => {
  const long = "A very long description of what this webhook is for, which goes on and on past any phone's width".repeat(2);
  const { api, hook, event } = await setUp(page, baseURL, long);
  await page.goto(`/settings/webhooks/events/${event.id}`);
  const nav = page.getByRole("navigation", { name: "Settings" });
  await expect(nav.getByRole("link", { name: "Deliveries" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Webhooks" })).not.toHaveAttribute("aria-current", "page");

  const deliveryId = async () => ((await (await api(`/deliveries?webhookId=${hook.id}`)).json()) as { data: { id: string }[] }).data[0]?.id;
  await expect.poll(deliveryId).toBeTruthy();
  await page.goto(`/settings/webhooks/deliveries/${await deliveryId()}`);
  const attempt = page.getByTestId("attempt").first();
  await expect(attempt).toContainText("Request and response");
  await attempt.locator("summary").click();
  await expect(attempt).toContainText("Request headers");
  await expect(attempt).toContainText("Hide");

  await page.setViewportSize({ width: 390, height: 844 });
  // The log of this webhook only (other specs' deliveries share the workspace): one filter applied.
  await page.goto(`/settings/webhooks/deliveries?webhookId=${hook.id}`);
  const filters = page.getByRole("button", { name: /^Filters \(1\)/ });
  await expect(filters).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("combobox", { name: /^Event/ })).toBeHidden();
  const card = page.getByTestId("delivery-row").filter({ hasText: "update_task" }).first();
  await expect(card).toBeVisible();
  const cell = card.getByRole("button", { name: /A very long description/ });
  const [cellBox, cardBox] = [await cell.boundingBox(), await card.boundingBox()];
  expect((cellBox?.x ?? 0) + (cellBox?.width ?? 0)).toBeLessThanOrEqual((cardBox?.x ?? 0) + (cardBox?.width ?? 0));
  expect(await cell.evaluate((el) => getComputedStyle(el).textOverflow)).toBe("ellipsis");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, "walk-log-390");
  await filters.click();
  await expect(page.getByRole("combobox", { name: /^Event/ })).toBeVisible();
  await page.getByRole("combobox", { name: /^Event/ }).selectOption("update_task");
  await expect(page.getByRole("button", { name: "Filters (2) ▴" })).toBeVisible();
  await screenshot(page, "walk-log-filters-390");
});

test("API keys: the scopes come before Create key in tab order, and the next key starts from the default scopes", async ({ page }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/api-keys");
  await page.getByLabel("New key name").fill("walk order");
  await page.getByLabel("New key name").focus();
  const scope = page
    .getByRole("group", { name: /^Scopes/ })
    .getByRole("checkbox")
    .first();
  let reachedScopesFirst = false;
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent ?? ""}`);
    if (await scope.evaluate((el) => el === document.activeElement)) reachedScopesFirst = true;
    if (focused.includes("Create key")) break;
  }
  expect(reachedScopesFirst).toBe(true);
  const boxes = page.getByRole("group", { name: /^Scopes/ }).getByRole("checkbox");
  const defaults = await Promise.all((await boxes.all()).map((b) => b.isChecked()));
  await page.getByRole("checkbox", { name: /webhooks:read/ }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByLabel("New API key")).toBeVisible();
  expect(await Promise.all((await boxes.all()).map((b) => b.isChecked()))).toEqual(defaults);
});

test("focus stays on Test URL after the test; leaving an edited form asks first", async ({ page }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/webhooks/new");
  await page.getByLabel("URL", { exact: true }).fill(`${receiver.url}/walk-focus`);
  const testUrl = page.getByRole("button", { name: "Test URL" });
  await testUrl.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("test-result")).toContainText("Test delivered");
  await expect(testUrl).toBeFocused();

  // Edited, not saved: a link away asks; dismissing stays, accepting goes.
  const dialogs: string[] = [];
  page.once("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Deliveries" }).click();
  await expect.poll(() => dialogs).toEqual(["Leave this page? Your changes are not saved."]);
  await expect(page).toHaveURL(/\/settings\/webhooks\/new$/);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Deliveries" }).click();
  await expect(page).toHaveURL(/\/settings\/webhooks\/deliveries$/);
});

test("the consent page and the menu say the same name; the discovery document offers auth method none", async ({ page, baseURL }) => {
  const doc = (await (await fetch(`${baseURL}/.well-known/oauth-authorization-server`)).json()) as { token_endpoint_auth_methods_supported: string[] };
  expect(doc.token_endpoint_auth_methods_supported).toContain("none");
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/oauth-apps");
  await expect(page.getByRole("heading", { name: "OAuth apps", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "OAuth apps" })).toHaveAttribute("aria-current", "page");
});
