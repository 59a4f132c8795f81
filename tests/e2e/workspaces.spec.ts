import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { createApiKeyInBrowser, expectNoHorizontalScroll, screenshot, signInOk } from "./helpers";

// Workspaces as an operator and a host's admin meet them: Settings → Workspaces, a sign-in link that
// lands in its workspace, the header's switcher, and a shared link into a workspace one is not in.

// Unique per run, so the spec can run again against the same server (--repeat-each).
let ACME = "";
let ANN = "";
test.beforeEach(() => {
  const run = Date.now().toString(36);
  ACME = `Acme e2e ${run}`;
  ANN = `ann-${run}@acme-e2e.test`;
});

// A receiver that accepts everything, so Default's webhook can be enabled and deliver.
let server: http.Server;
let receiver = "";
test.beforeAll(async () => {
  server = http.createServer((req, res) => req.resume().on("end", () => res.end("ok")));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  receiver = `http://127.0.0.1:${(server.address() as AddressInfo).port}/workspaces`;
});
test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** The card of a workspace in Settings → Workspaces. */
const card = (page: Page, name: string) => page.getByTestId("workspace").filter({ has: page.getByRole("heading", { name }) });

/** A sign-in link for `email` in ACME, made in the card's Members section; its URL. */
async function mintLink(page: Page, email: string, role: "Admin" | "Member"): Promise<string> {
  const acme = card(page, ACME);
  const form = acme.getByRole("form", { name: `Add a member to ${ACME}` });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption({ label: role });
  await form.getByRole("button", { name: "Sign-in link" }).click();
  const url = await acme.getByLabel("Sign-in link").inputValue();
  expect(url).toMatch(/\/signin\/link#token=hlsl_/);
  return url;
}

test("an operator makes a workspace and signs its admin in with a link, once; the admin's switcher and shared links stay in their workspaces", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Workspaces" }).click();
  await expect(page.getByRole("heading", { name: "Workspaces", level: 1 })).toBeVisible();
  await page.getByLabel("Workspace name").fill(ACME);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(card(page, ACME)).toBeVisible();
  await expect(card(page, ACME)).toContainText("acme-e2e");
  await card(page, ACME).getByRole("button", { name: "Members" }).click();
  await screenshot(page, "workspaces-1280");

  // A link for a person who has no account yet: it signs them in, once, into Acme.
  const url = await mintLink(page, ANN, "Admin");
  const ann = await browser.newContext();
  const annPage = await ann.newPage();
  await annPage.goto(url);
  await expect(annPage).toHaveURL(/\/settings\/overview$/);
  await expect(annPage.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  // One workspace: no switcher, nothing names it; and none of Default's webhooks.
  await expect(annPage.getByLabel("Workspace")).toHaveCount(0);
  const annHooks = await annPage.evaluate(async () => (await (await fetch("/api/v1/webhooks")).json()) as { data: unknown[] });
  expect(annHooks.data).toEqual([]);

  // The same link again, in another browser: refused with the reason.
  const again = await (await browser.newContext()).newPage();
  await again.goto(url);
  await expect(again.getByRole("alert").filter({ hasText: "has been used already" })).toBeVisible();
  await expect(again).toHaveURL(/\/signin\/link$/); // the token is gone from the address bar

  // A webhook and a delivery of Default, and Ann (an admin of Acme only) opening links to them: not found.
  const key = await createApiKeyInBrowser(page, "workspaces e2e");
  const auth = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  const api = (path: string, body?: unknown) => fetch(`${baseURL}/api/v1${path}`, { method: "POST", headers: auth, body: JSON.stringify(body ?? {}) });
  const hook = (await (await api("/webhooks", { url: receiver, events: ["*"] })).json()) as { id: string };
  expect((await api(`/webhooks/${hook.id}/enable`)).status).toBe(200);
  const event = (await (await api("/events", { event: "deals.created", data: { n: 1 } })).json()) as { id: string };
  // The event also went to any enabled webhook earlier specs left in Default: take this one's.
  const detail = (await (await fetch(`${baseURL}/api/v1/events/${event.id}`, { headers: auth })).json()) as {
    deliveries: { id: string; webhookId: string }[];
  };
  const deliveryId = detail.deliveries.find((d) => d.webhookId === hook.id)?.id as string;
  expect(deliveryId).toBeTruthy();
  await page.goto(`/settings/webhooks/deliveries/${deliveryId}`);
  await expect(page.getByText(receiver).first()).toBeVisible();
  await annPage.goto(`/settings/webhooks/${hook.id}`);
  await expect(annPage.getByText(/not found/i).first()).toBeVisible();
  await expect(annPage.getByText(receiver)).toHaveCount(0);
  await annPage.goto(`/settings/webhooks/deliveries/${deliveryId}`);
  await expect(annPage.getByRole("alert").filter({ hasText: `No delivery ${deliveryId}` })).toBeVisible();
  await expect(annPage.getByText(receiver)).toHaveCount(0);
  await screenshot(annPage, "workspace-other-delivery-not-found-1280");

  // The operator joins Acme as an admin: the header now switches between Default and Acme.
  await page.goto("/settings/workspaces");
  await card(page, ACME).getByRole("button", { name: "Members" }).click();
  const form = card(page, ACME).getByRole("form", { name: `Add a member to ${ACME}` });
  await form.getByLabel("Email").fill(E2E.admin.email);
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(card(page, ACME).getByRole("list", { name: `Members of ${ACME}` })).toContainText(E2E.admin.email);
  await page.goto("/settings/webhooks");
  const switcher = page.getByLabel("Workspace", { exact: true });
  await expect(switcher).toBeVisible();
  await expect(page.getByText(receiver).first()).toBeVisible();
  await screenshot(page, "workspace-switcher-1280");
  await switcher.selectOption({ label: ACME });
  // The page reloads in Acme (until then the menu still shows Default, the session's workspace).
  await expect(switcher.locator("option:checked")).toHaveText(ACME);
  await expect(page).toHaveURL(/\/settings\/overview$/);
  await page.goto("/settings/webhooks");
  await expect(switcher.locator("option:checked")).toHaveText(ACME);
  await expect(page.getByText(receiver)).toHaveCount(0);

  // A shared link to Default's delivery opens it in Default: the session switches there.
  await page.goto(`/settings/webhooks/deliveries/${deliveryId}`);
  await expect(page.getByText(receiver).first()).toBeVisible();
  await expect(switcher.locator("option:checked")).toHaveText("Default");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/settings/workspaces");
  await expectNoHorizontalScroll(page);
  await screenshot(page, "workspaces-390");
  await ann.close();
});
