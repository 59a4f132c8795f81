import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { createApiKeyInBrowser, expectNoHorizontalScroll, openEditPage, screenshot, signInOk } from "./helpers";

// A local receiver (node:http on 127.0.0.1, allow-listed for the e2e server): /ok answers 200,
// /fail answers 500. Every request is kept so the test can check what was sent.
let receiver: http.Server;
let base = "";
const received: { url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

test.beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ url: req.url ?? "", headers: req.headers, body });
      res.statusCode = req.url?.startsWith("/fail") ? 500 : 200;
      res.end(req.url?.startsWith("/fail") ? "receiver is down" : "thanks from the receiver");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

test("an admin creates, tests, enables, edits, disables and deletes a webhook", async ({ page, baseURL }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);

  // An API key made in the browser works for a program (curl-like fetch), and lets the host create a project.
  const key = await createApiKeyInBrowser(page, "e2e host");
  await expect(page.getByRole("cell", { name: "e2e host", exact: true })).toBeVisible();
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${baseURL}/api/v1${path}`, { ...init, headers: { "content-type": "application/json", ...init.headers } });
  expect((await api("/webhooks")).status).toBe(401);
  const project = await api("/projects", {
    method: "POST",
    headers: { authorization: `Bearer ${key}` },
    body: JSON.stringify({ id: "site-1", name: "Website" }),
  });
  expect(project.status).toBe(201);
  await api("/projects", { method: "POST", headers: { authorization: `Bearer ${key}` }, body: JSON.stringify({ id: "site-2", name: "Intranet" }) });
  expect((await api("/webhooks", { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
  await screenshot(page, "api-keys-created");

  await page.goto("/settings/webhooks");
  await page.getByRole("link", { name: "Create webhook" }).first().click();
  await page.getByLabel("URL", { exact: true }).fill(`${base}/ok`);
  await page.getByRole("button", { name: "Test URL" }).click();
  await expect(page.getByTestId("test-result")).toContainText(/Test delivered · HTTP 200 · \d+ ms/);
  await expect(page.getByTestId("test-result")).toContainText("thanks from the receiver");
  expect(received.at(-1)?.headers.event).toBe("ping");

  await page.getByLabel("Search events").fill("deals.created");
  await page.getByRole("checkbox", { name: /^deals\.created/ }).check();
  await page.getByLabel("Search events").fill("page.created");
  await page.getByRole("checkbox", { name: /^page\.created/ }).check();
  await page.getByLabel("Search events").fill("");
  await expect(page.getByText("2 selected")).toBeVisible();
  await page.getByRole("radio", { name: "Only these projects" }).check();
  await page.getByRole("checkbox", { name: /Website/ }).check();
  await page.getByRole("button", { name: "Generate" }).click();
  await screenshot(page, "webhook-form");
  await page.getByRole("button", { name: "Create webhook" }).click();
  await expect(page.getByRole("heading", { name: "Webhook created" })).toBeVisible();
  const token = await page.getByLabel("Signing token").inputValue();
  expect(token).toMatch(/^whsec_/);
  await page.getByRole("link", { name: "Done" }).click();

  const row = page.getByTestId("webhook-row").filter({ hasText: `${base}/ok` });
  await expect(row).toContainText("deals.created, page.created");
  await expect(row).toContainText("Website");
  await expect(row).toContainText("Disabled");
  await row.getByRole("switch").click();
  await expect(row).toContainText("Working");
  await expect(row.locator("[data-status=working]")).toBeVisible();
  await expect(row.getByRole("switch")).toHaveAttribute("aria-checked", "true");
  await row.getByRole("button", { name: "Test" }).click();
  await expect(row.getByTestId("test-result")).toContainText("HTTP 200");
  await screenshot(page, "webhooks-list");

  await openEditPage(page, row);
  await expect(page.getByLabel("URL", { exact: true })).toHaveValue(`${base}/ok`);
  await page.getByRole("button", { name: "Reveal" }).click();
  await expect(page.getByTestId("saved-token")).toHaveValue(token);
  await page.getByLabel("Description (optional)").fill("Sync deals to the data warehouse");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/settings\/webhooks$/);
  await expect(row).toContainText("Sync deals to the data warehouse");

  await row.getByRole("switch").click();
  await expect(row).toContainText("Disabled");
  await expect(row.locator("[data-status=disabled]")).toBeVisible();

  await row.getByRole("button", { name: /^Delete/ }).click();
  await expect(page.getByRole("dialog")).toContainText("Delete this webhook?");
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("webhook-row").filter({ hasText: `${base}/ok` })).toHaveCount(0);
});

test("a failing URL refuses to enable, with the reason shown", async ({ page }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/webhooks/new");
  await page.getByLabel("URL", { exact: true }).fill(`${base}/fail`);
  await page.getByRole("checkbox", { name: "All events, including event types added later" }).check();
  await page.getByRole("button", { name: "Create webhook" }).click();
  await page.getByRole("link", { name: "Done" }).click();
  const row = page.getByTestId("webhook-row").filter({ hasText: `${base}/fail` });
  await expect(row).toContainText("All events");
  await row.getByRole("switch").click();
  await expect(row.getByRole("alert")).toContainText("Not enabled: the test delivery failed (the URL answered HTTP 500)");
  await expect(row.getByRole("switch")).toHaveAttribute("aria-checked", "false");
  await expect(row).toContainText("Disabled");
  await screenshot(page, "webhooks-enable-refused");
});

test("the form shows the schema's errors next to their fields", async ({ page }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/webhooks/new");
  await page.getByLabel("URL", { exact: true }).fill("ftp://example.com/x");
  await page.getByRole("button", { name: "Create webhook" }).click();
  await expect(page.getByText("URL must start with http:// or https://")).toBeVisible();
  await expect(page.getByText("Pick at least one event, or all events")).toBeVisible();
  // A server-side refusal (blocked address) lands next to the URL field too.
  await page.getByLabel("URL", { exact: true }).fill("http://169.254.169.254/latest/meta-data");
  await page.getByRole("checkbox", { name: "All events, including event types added later" }).check();
  await page.getByRole("button", { name: "Create webhook" }).click();
  await expect(page.getByText(/This URL is not allowed: 169\.254\.169\.254 is not a public address \(link-local\)/)).toBeVisible();
  // …and says how an operator lets such an address through on purpose.
  await expect(page.getByText(/An operator can allow it: add 169\.254\.169\.254 to HOOKLINE_ALLOWED_TARGETS/)).toBeVisible();
  await screenshot(page, "webhook-form-errors");
});

test("the admin API refuses members and cross-site cookie writes", async ({ page, baseURL }) => {
  await signInOk(page, E2E.member.email, E2E.member.password);
  await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
  for (const path of ["/webhooks", "/event-types", "/projects", "/api-keys"]) {
    expect((await page.request.get(`${baseURL}/api/v1${path}`)).status(), path).toBe(403);
  }
  await page.context().clearCookies();
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await expect(page).toHaveURL(/\/settings\/overview$/);
  const crossSite = await page.request.post(`${baseURL}/api/v1/projects`, { headers: { origin: "http://evil.example" }, data: { id: "x" } });
  expect(crossSite.status()).toBe(403);
  const sameSite = await page.request.post(`${baseURL}/api/v1/projects`, { headers: { origin: baseURL as string }, data: { id: "from-browser" } });
  expect(sameSite.status()).toBe(201);
  await page.goto("/settings/api-docs");
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  await expect(page.getByText("/api/v1/webhooks/{id}/enable")).toBeVisible();
  await screenshot(page, "api-docs");
});

test("the webhook screens work at 390 px and from the keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/webhooks/new");
  await page.getByLabel("URL", { exact: true }).fill(`${base}/ok`);
  await page.getByRole("checkbox", { name: "All events, including event types added later" }).check();
  await expectNoHorizontalScroll(page);
  await screenshot(page, "webhook-form-390");
  await page.getByRole("button", { name: "Create webhook" }).click();
  await page.getByRole("link", { name: "Done" }).click();
  const row = page.getByTestId("webhook-row").filter({ hasText: `${base}/ok` });
  await expect(row).toContainText("Disabled");
  await expectNoHorizontalScroll(page);
  await screenshot(page, "webhooks-list-390");
  // Keyboard: the switch is a button (Space toggles it); the delete dialog takes focus and Escape closes it.
  await row.getByRole("switch").focus();
  await page.keyboard.press("Space");
  await expect(row).toContainText("Working");
  await row.getByRole("button", { name: /^Delete/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog").getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(row).toBeVisible();
});

test("a published event is delivered by the server's embedded worker", async ({ page, baseURL }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  const key = await createApiKeyInBrowser(page, "publisher");
  const auth = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  const created = await fetch(`${baseURL}/api/v1/webhooks`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ url: `${base}/ok/published`, events: ["post_task"] }),
  });
  const hook = (await created.json()) as { id: string; token: string };
  expect((await fetch(`${baseURL}/api/v1/webhooks/${hook.id}/enable`, { method: "POST", headers: auth })).status).toBe(200);
  const published = await fetch(`${baseURL}/api/v1/events`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ event: "post_task", projectId: "333", data: { task: "Write docs" } }),
  });
  expect(published.status).toBe(202);
  // Earlier tests left an all-events webhook enabled: it gets one too.
  expect((await published.json()).deliveries).toBeGreaterThanOrEqual(1);
  const isOurs = (r: (typeof received)[number]) => r.url === "/ok/published" && r.headers.event === "post_task";
  await expect.poll(() => received.filter(isOurs).length, { timeout: 10_000 }).toBe(1);
  const request = received.find(isOurs);
  expect(request?.headers.event).toBe("post_task");
  expect(JSON.parse(request?.body ?? "{}")).toMatchObject({ event: "post_task", projectId: "333", data: { task: "Write docs" } });
  await page.goto("/settings/webhooks");
  await expect(page.getByTestId("webhook-row").filter({ hasText: "/ok/published" })).toContainText("Working");
  await expect(page.getByTestId("webhook-row").filter({ hasText: "/ok/published" })).toContainText("Last delivery: just now");
});

test("a long list loads 50 at a time; Show more brings the rest", async ({ page, baseURL }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  const key = await createApiKeyInBrowser(page, "bulk");
  const auth = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  const ids: string[] = [];
  for (let i = 0; i < 55; i++) {
    const res = await fetch(`${baseURL}/api/v1/webhooks`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ url: `${base}/ok/bulk-${i}`, events: ["*"] }),
    });
    ids.push(((await res.json()) as { id: string }).id);
  }
  try {
    await page.goto("/settings/webhooks");
    const rows = page.getByTestId("webhook-row");
    await expect(rows).toHaveCount(50);
    await expect(rows.filter({ hasText: "/ok/bulk-" }).first()).toContainText("/ok/bulk-54"); // newest first
    await page.getByRole("button", { name: "Show more" }).click();
    await expect(rows.filter({ hasText: "/ok/bulk-" })).toHaveCount(55);
    await expect(page.getByRole("button", { name: "Show more" })).toHaveCount(0);
  } finally {
    for (const id of ids) await fetch(`${baseURL}/api/v1/webhooks/${id}`, { method: "DELETE", headers: auth });
  }
});
