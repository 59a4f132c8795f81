import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type APIResponse, expect, type Page, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { expectNoHorizontalScroll, screenshot, signInOk, testWithCspGuard } from "./helpers";

// Issue 9.3: every response carries the security headers (lib/http/security-headers.ts), a page on
// another origin cannot frame the signed-in app, and the app itself runs under its CSP with no
// violation anywhere (testWithCspGuard fails a test on any).

const CONSTANT_HEADERS = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
};

function expectSecurityHeaders(headers: Record<string, string>, kind: "page" | "other"): void {
  expect(headers).toMatchObject(CONSTANT_HEADERS);
  expect(headers["permissions-policy"]).toContain("camera=()");
  const csp = headers["content-security-policy"] ?? "";
  for (const directive of [
    "default-src 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "connect-src 'self'",
  ]) {
    expect(csp).toContain(directive);
  }
  const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1];
  expect(scriptSrc).toMatch(kind === "page" ? /^'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'$/ : /^'self'$/);
  // Served over http here: no HSTS, no upgrade (the unit test covers https).
  expect(headers["strict-transport-security"]).toBeUndefined();
  expect(csp).not.toContain("upgrade-insecure-requests");
}

const nonceOf = (response: APIResponse) => /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];

test("pages, API routes, 404s and static files all carry the security headers", async ({ page, request }) => {
  const signin = await request.get("/signin");
  expect(signin.status()).toBe(200);
  expectSecurityHeaders(signin.headers(), "page");
  // Next put the nonce on every script it rendered; the next response has a new one.
  const html = await signin.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonceOf(signin)}"`);
  expect(nonceOf(await request.get("/signin"))).not.toBe(nonceOf(signin));

  const missing = await request.get("/no-such-page");
  expect(missing.status()).toBe(404);
  expectSecurityHeaders(missing.headers(), "page");

  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expectSecurityHeaders(health.headers(), "other");
  const anonymous = await request.get("/api/v1/webhooks");
  expect(anonymous.status()).toBe(401);
  expectSecurityHeaders(anonymous.headers(), "other");
  expectSecurityHeaders((await request.get("/api/v1/no-such-route")).headers(), "other");

  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1] as string;
  const script = await request.get(asset);
  expect(script.status()).toBe(200);
  expectSecurityHeaders(script.headers(), "other");
  expectSecurityHeaders((await request.get("/favicon.svg")).headers(), "page");

  await signInOk(page, E2E.admin.email, E2E.admin.password);
  const settings = await page.goto("/settings/api-keys");
  expect(settings?.status()).toBe(200);
  expectSecurityHeaders((await settings?.allHeaders()) ?? {}, "page");
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
});

test("another origin cannot frame the signed-in app", async ({ page, baseURL }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  const target = `${baseURL}/settings/api-keys`;
  // The attacker's page: same host, another port (another origin, the same site, so the session
  // cookie would be sent with the framed request).
  const attacker = http.createServer((_req, res) => {
    res.setHeader("content-type", "text/html");
    res.end(`<!doctype html><title>evil</title><h1>Win a prize</h1><iframe name="victim" src="${target}" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  try {
    const consoleLines: string[] = [];
    page.on("console", (message) => void consoleLines.push(message.text()));
    await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    await expect(page.getByRole("heading", { name: "Win a prize" })).toBeVisible();
    await expect
      .poll(() => consoleLines.join("\n"), { timeout: 10_000 })
      .toMatch(/(Refused to frame|Framing) 'http:\/\/127\.0\.0\.1:\d+\/'.*frame-ancestors 'none'/);
    // The frame holds Chromium's error page, not the app.
    const victim = page.frame({ name: "victim" });
    expect(victim?.url()).not.toBe(target);
    expect(await victim?.content().catch(() => "")).not.toContain("API keys");
    await expect(page.frameLocator("iframe").getByRole("heading", { name: "API keys" })).toHaveCount(0);
  } finally {
    await new Promise<void>((resolve) => attacker.close(() => resolve()));
  }
});

// ---- The app under its CSP: every flow below fails on any violation (console or DOM event). ----

let receiver: http.Server;
let receiverBase = "";
let received = 0;
testWithCspGuard.beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.headers.event !== "ping") received++;
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
testWithCspGuard.afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

/** The stylesheet applied: an unstyled page would mean the CSP blocked it. */
async function expectStyled(page: Page): Promise<void> {
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe("rgba(0, 0, 0, 0)");
}

async function shoot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  fs.copyFileSync(`test-results/screenshots/${name}.png`, `/tmp/${name}.png`);
}

testWithCspGuard("the app's own pages run under the CSP without a single violation", async ({ page, baseURL }) => {
  testWithCspGuard.setTimeout(90_000);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 844 });
    await page.goto("/signin");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await expectStyled(page);
    await shoot(page, `csp-signin-${width}`);
  }
  // A wrong password shows the form's error: the client code ran (hydrated) under the nonce.
  await page.getByLabel("Email").fill(E2E.admin.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form [role=alert]")).toContainText("Wrong email or password");
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInOk(page, E2E.admin.email, E2E.admin.password);

  // API keys page: make a key (client fetch to the API under connect-src 'self').
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API keys" }).click();
  await page.getByLabel("New key name").fill("csp walk");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByLabel("New API key").inputValue();
  const auth = { authorization: `Bearer ${key}`, "content-type": "application/json" };

  // Create-webhook form, through client-side navigation.
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Webhooks" }).click();
  await page.getByRole("link", { name: "Create webhook" }).first().click();
  await page.getByLabel("URL", { exact: true }).fill(`${receiverBase}/csp`);
  await page.getByRole("button", { name: "Test URL" }).click();
  await expect(page.getByTestId("test-result")).toContainText("HTTP 200");
  await page.getByLabel("Search events").fill("update_task");
  await page.getByRole("checkbox", { name: /^update_task\b/ }).check();
  await page.getByRole("button", { name: "Create webhook" }).click();
  await expect(page.getByRole("heading", { name: "Webhook created" })).toBeVisible();
  await page.getByRole("link", { name: "Done" }).click();

  // Webhooks list: enable with the switch, then publish an event so the chart and the log have data.
  const row = page.getByTestId("webhook-row").filter({ hasText: `${receiverBase}/csp` });
  await row.getByRole("switch").click();
  await expect(row).toContainText("Working");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 844 });
    await page.goto("/settings/webhooks");
    await expect(row).toBeVisible();
    await expectStyled(page);
    await expectNoHorizontalScroll(page);
    await shoot(page, `csp-webhooks-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  const published = await fetch(`${baseURL}/api/v1/events`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ event: "update_task", data: { task: 1 } }),
  });
  expect(published.status).toBe(202);
  await expect.poll(() => received, { timeout: 20_000 }).toBe(1);

  // A webhook's page with its health chart (recharts' inline styles), then the delivery log and a delivery.
  await row.getByRole("link", { name: `${receiverBase}/csp`, exact: true }).click();
  await expect(page.getByTestId("health-chart").locator(".recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("health-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await page.getByRole("tab", { name: "Python" }).click();
  const webhookId = new URL(page.url()).pathname.split("/").at(-1) as string;
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Deliveries" }).click();
  await expect(page.getByTestId("delivery-row").first()).toBeVisible();
  // Only this webhook's rows: webhooks other specs left enabled get the same event type, newest first too.
  await page.goto(`/settings/webhooks/deliveries?webhookId=${webhookId}`);
  await expect(page.getByTestId("delivery-row")).toHaveCount(1);
  await page.getByTestId("delivery-row").first().getByRole("link").first().click();
  await expect(page.getByTestId("attempt")).toHaveCount(1);

  // API reference (the OpenAPI document rendered in the app), then a full load of the 404 page.
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  await page.goto("/settings/no-such-page");
  await expect(page.getByText("Page not found")).toBeVisible();
  await page.getByRole("link", { name: "Go to Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/overview$/);

  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/signin$/);
});
