import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContextOptions, expect, type Page, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { startReceiver } from "../helpers/receiver";
import { createApiKeyInBrowser, expectNoHorizontalScroll, screenshot, signInOk } from "./helpers";

// Every settings page, in the light and the dark theme, at desktop and phone width: no console
// error, nothing scrolling sideways, and a screenshot of each to look at.

let receiver: Awaited<ReturnType<typeof startReceiver>>;
test.beforeAll(async () => {
  receiver = await startReceiver((_req, res) => res.end("ok"));
});
test.afterAll(() => receiver.close());

/** The page's background lightness, 0 (black) to 255 (white), from the body's computed color. */
const backgroundLevel = (page: Page) =>
  page.evaluate(() => {
    const probe = document.createElement("canvas").getContext("2d");
    if (!probe) return -1;
    probe.fillStyle = getComputedStyle(document.body).backgroundColor;
    probe.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0] = probe.getImageData(0, 0, 1, 1).data;
    return Math.round((r + g + b) / 3);
  });

test("the header's theme switch overrides the system, at once and after a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/webhooks");
  expect(await backgroundLevel(page)).toBeGreaterThan(200);
  await page.getByLabel("Color theme").selectOption("dark");
  await expect.poll(() => backgroundLevel(page)).toBeLessThan(60);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  expect(await backgroundLevel(page)).toBeLessThan(60);
  // Back to the system's (light here), which a dark system then turns dark without any switch.
  await page.getByLabel("Color theme").selectOption("system");
  await expect.poll(() => backgroundLevel(page)).toBeGreaterThan(200);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(() => backgroundLevel(page)).toBeLessThan(60);
  await page.reload();
  await expect(page.locator("html")).not.toHaveClass(/\b(dark|light)\b/);
  await page.getByLabel("Color theme").selectOption("light");
  await expect.poll(() => backgroundLevel(page)).toBeGreaterThan(200);
  await page.getByLabel("Color theme").selectOption("system");
});

// Every settings page is its own test (four looks each), so that Playwright's two workers share them.
// One admin session and one webhook with a delivered event serve them all: made once per worker.
type Fixture = { session: BrowserContextOptions["storageState"]; hook: string; event: string; delivery: string };
let fixture: Promise<Fixture> | undefined;
async function everyPageFixture(browser: Browser, baseURL: string, workerIndex: number): Promise<Fixture> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  const key = await createApiKeyInBrowser(page, `every page ${workerIndex}`);
  const session = await context.storageState();
  await context.close();
  const api = (route: string, init: RequestInit = {}) =>
    fetch(`${baseURL}/api/v1${route}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" } });
  const hook = (await (
    await api("/webhooks", {
      method: "POST",
      body: JSON.stringify({ url: `${receiver.url}/every-page`, events: ["update_project"], description: "Every page" }),
    })
  ).json()) as { id: string };
  expect((await api(`/webhooks/${hook.id}/enable`, { method: "POST" })).status).toBe(200);
  const event = (await (await api("/events", { method: "POST", body: JSON.stringify({ event: "update_project", data: { p: 1 } }) })).json()) as { id: string };
  const deliveryId = async () => ((await (await api(`/deliveries?webhookId=${hook.id}`)).json()) as { data: { id: string }[] }).data[0]?.id;
  await expect.poll(deliveryId).toBeTruthy();
  return { session, hook: hook.id, event: event.id, delivery: (await deliveryId()) as string };
}

const PAGES: [string, (f: Fixture) => string][] = [
  ["overview", () => "/settings/overview"],
  ["webhooks", () => "/settings/webhooks"],
  ["webhook-new", () => "/settings/webhooks/new"],
  ["webhook-edit", (f) => `/settings/webhooks/${f.hook}/edit`],
  ["webhook-detail", (f) => `/settings/webhooks/${f.hook}`],
  ["deliveries", () => "/settings/webhooks/deliveries"],
  ["delivery", (f) => `/settings/webhooks/deliveries/${f.delivery}`],
  ["event", (f) => `/settings/webhooks/events/${f.event}`],
  ["catalog", () => "/settings/catalog"],
  ["account", () => "/settings/account"],
  ["api-keys", () => "/settings/api-keys"],
  ["audit-log", () => "/settings/audit-log"],
  ["oauth-apps", () => "/settings/oauth-apps"],
  ["oauth-refused", () => "/oauth/authorize?response_type=code&client_id=hlc_none"],
  ["api-docs", () => "/settings/api-docs"],
];

test.describe("every settings page in light and dark, at 1280 and 390 px, without console errors", () => {
  test.describe.configure({ mode: "parallel" });
  for (const [name, pathOf] of PAGES) {
    test(name, async ({ browser, baseURL }) => {
      test.setTimeout(90_000);
      fixture ??= everyPageFixture(browser, baseURL as string, test.info().workerIndex);
      const f = await fixture;
      const url = pathOf(f);
      const context = await browser.newContext({ storageState: f.session });
      const page = await context.newPage();
      const errors: string[] = [];
      const violations: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
      });
      page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: width === 1280 ? 800 : 844 });
          await page.goto(url);
          await expect(page.locator("main h1")).toBeVisible();
          // Not "networkidle": a settings page keeps its live stream (GET /api/v1/live) open.
          await expect(page.getByText(/^Loading/)).toHaveCount(0);
          if (scheme === "dark") expect(await backgroundLevel(page), url).toBeLessThan(60);
          else expect(await backgroundLevel(page), url).toBeGreaterThan(200);
          await screenshot(page, `all-${name}-${scheme}-${width}`);
          // axe at both widths (what scrolls depends on it) in light, and at 1280 in dark (the dark theme
          // changes colours only): three of the four runs, for the suite's time.
          if (scheme === "light" || width === 1280) {
            const axe = await new AxeBuilder({ page }).analyze();
            violations.push(
              ...axe.violations.map((v) => `${scheme} ${width} ${url}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
            );
          }
          await expectNoHorizontalScroll(page);
        }
      }
      await context.close();
      expect(errors).toEqual([]);
      expect(violations).toEqual([]);
    });
  }
});

test("the API reference has contents, words for types, examples, and each error's own meaning", async ({ page }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/api-docs");
  const contents = page.getByRole("navigation", { name: "Contents" });
  await contents.getByRole("link", { name: "POST /deliveries/{id}/redeliver" }).click();
  await expect(page).toHaveURL(/#op-post-deliveries-id-redeliver$/);
  const redeliver = page.locator("#op-post-deliveries-id-redeliver");
  await expect(redeliver).toBeInViewport();
  await expect(redeliver).toContainText("409 A worker is sending this delivery right now");
  await expect(redeliver).not.toContainText("Already exists");
  const create = page.locator("#op-post-webhooks");
  await expect(create).toContainText("Example request");
  await expect(create).toContainText('"url": "https://example.com/webhooks"');
  await expect(page.getByText(/^\s*value\s*$/)).toHaveCount(0);
  await expect(page.locator("#op-get-deliveries")).toContainText("statusCode");
});

test("the sign-in page in light and dark, at both widths", async ({ page }) => {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto("/signin");
      await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
      if (scheme === "dark") expect(await backgroundLevel(page)).toBeLessThan(60);
      await expectNoHorizontalScroll(page);
      await screenshot(page, `all-signin-${scheme}-${width}`);
      expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    }
  }
});
