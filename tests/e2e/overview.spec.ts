import { expect, type Page, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { startReceiver } from "../helpers/receiver";
import { createApiKeyInBrowser, expectNoHorizontalScroll, screenshot, signInOk } from "./helpers";

// Settings → Overview, in a workspace of its own (the Default one holds every other spec's
// webhooks and deliveries), so that every number on it is known. No reload after the first load:
// the page follows deliveries by itself.

let receiver: Awaited<ReturnType<typeof startReceiver>>;
test.beforeAll(async () => {
  // Pings (the enable test) pass; events to /ok pass, events to /down answer 503.
  receiver = await startReceiver((req, res) => {
    res.statusCode = req.headers.event !== "ping" && (req.url ?? "").startsWith("/down") ? 503 : 200;
    res.end("ok");
  });
});
test.afterAll(() => receiver.close());

/** A call of the admin API with the browser's session (same origin, so writes pass the origin check). */
const session = (page: Page, path: string, body: unknown) =>
  page.evaluate(
    async ([p, b]) => {
      const res = await fetch(`/api/v1${p}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(b) });
      return { status: res.status, json: (await res.json().catch(() => null)) as { id?: string } | null };
    },
    [path, body] as const,
  );

const tile = (page: Page, label: string) =>
  page
    .getByTestId("overview-tiles")
    .locator("div")
    .filter({ has: page.getByText(label, { exact: true }) });

test("the overview counts a new workspace's events and deliveries, names the failing webhook, and lists the app's worker, live", async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  // The operator makes a workspace, joins it as its admin and switches to it.
  const slug = `overview-${Date.now()}`;
  const made = await session(page, "/workspaces", { name: "Overview e2e", slug });
  expect(made.status).toBe(201);
  expect((await session(page, `/workspaces/${made.json?.id}/members`, { email: E2E.admin.email, role: "admin" })).status).toBeLessThan(300);
  expect((await session(page, "/session/workspace", { workspace: slug })).status).toBe(200);

  const key = await createApiKeyInBrowser(page, "overview e2e");
  const api = (path: string, body: unknown) =>
    fetch(`${baseURL}/api/v1${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const webhook = async (path: string, description: string) => {
    const hook = (await (await api("/webhooks", { url: `${receiver.url}${path}`, events: ["update_task"], description })).json()) as { id: string };
    expect((await api(`/webhooks/${hook.id}/enable`, {})).status).toBe(200);
    return hook;
  };
  await webhook("/ok", "Receiver that works");
  await webhook("/down", "Receiver that is down");

  await page.goto("/settings/overview");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await expect(tile(page, "Events published")).toContainText("0");
  await expect(page.getByTestId("webhook-counts")).toHaveText("2 working · 0 failing · 0 disabled");
  // The app's own worker (HOOKLINE_WORKER=embedded, the default), alive.
  await expect(page.getByTestId("overview-worker").filter({ hasText: "In the app" })).toHaveAttribute("data-alive", "true");

  // Two events: two deliveries succeed, two fail (and wait for a retry).
  for (const n of [1, 2]) expect((await api("/events", { event: "update_task", data: { n } })).status).toBe(202);
  await expect(tile(page, "Events published")).toContainText("2", { timeout: 10_000 });
  await expect(tile(page, "Succeeded")).toContainText("2", { timeout: 10_000 });
  await expect(tile(page, "Succeeded")).toContainText("100% of those finished");
  await expect(tile(page, "Failed for good")).toContainText("0");
  await expect(page.getByTestId("webhook-counts")).toHaveText("1 working · 1 failing · 0 disabled", { timeout: 10_000 });
  // The failing one first, with why, linking to its page.
  const first = page.getByTestId("overview-webhook").first();
  await expect(first).toHaveAttribute("data-status", "failing");
  await expect(first).toContainText("Receiver that is down");
  // Its retries come every few seconds here (HOOKLINE_RETRY_SCHEDULE=2s,5s,10s): the count grows.
  await expect(first).toContainText(/\d+ failed attempts in a row · last: Error status · HTTP 503/);
  // Both failed deliveries wait for their retries (for the 17 s of the schedule).
  await expect(tile(page, "Pending now").locator("dd").first()).toHaveText("2");
  await screenshot(page, "overview-1280");

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await screenshot(page, "overview-390");
  await page.setViewportSize({ width: 1280, height: 800 });

  // The operator sees every workspace at a glance in Settings → Workspaces, this one among them.
  await page.goto("/settings/workspaces");
  const card = page.getByTestId("workspace").filter({ has: page.getByRole("heading", { name: "Overview e2e" }) });
  await expect(card.getByTestId("workspace-health")).toContainText("1 working · 1 failing · 0 disabled · 24 h: 2 succeeded");
  await screenshot(page, "workspaces-health-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await screenshot(page, "workspaces-health-390");
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto("/settings/overview");
  await first.getByRole("link", { name: "Receiver that is down" }).click();
  await expect(page).toHaveURL(/\/settings\/webhooks\/[0-9a-f-]+$/);
  await expect(page.getByTestId("webhook-status")).toContainText(/\d+ of \d+ consecutive failures/);
});
