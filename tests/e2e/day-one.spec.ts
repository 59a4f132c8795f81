import { expect, type Page, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { startReceiver } from "../helpers/receiver";
import { createApiKeyInBrowser, screenshot, signInOk } from "./helpers";

// What a Stripe or Svix user looks for on the first day (issue 22.5), as they would use it.

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let isFailing = true;
// Deliveries that pass once isFailing is off: the others keep failing, so that a retry (every few
// seconds here) cannot turn the one left behind into a success before the test disables the webhook.
const passing = new Set<string>();
test.beforeAll(async () => {
  receiver = await startReceiver((req, res) => {
    res.statusCode = req.headers.event !== "ping" && (isFailing || !passing.has(String(req.headers.delivery))) ? 500 : 200;
    res.end("ok");
  });
});
test.afterAll(() => receiver.close());

async function apiOf(page: Page, baseURL: string | undefined) {
  const key = await createApiKeyInBrowser(page, `day one ${Date.now()}`);
  return (path: string, init: RequestInit = {}) =>
    fetch(`${baseURL}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" } });
}

test("the log: a duration per row, a parked filter, and several failed rows redelivered together; Delete on the webhook's own page", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(60_000);
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  const api = await apiOf(page, baseURL);
  isFailing = true;
  const hook = (await (
    await api("/webhooks", { method: "POST", body: JSON.stringify({ url: `${receiver.url}/day-one/${Date.now()}`, events: ["update_task"] }) })
  ).json()) as {
    id: string;
    url: string;
  };
  expect((await api(`/webhooks/${hook.id}/enable`, { method: "POST" })).status).toBe(200);
  for (const n of [1, 2, 3]) await api("/events", { method: "POST", body: JSON.stringify({ event: "update_task", data: { n } }) });
  const listed = async () => ((await (await api(`/deliveries?webhookId=${hook.id}`)).json()) as { data: { id: string; attemptCount: number }[] }).data;
  await expect.poll(async () => (await listed()).filter((d) => d.attemptCount >= 1).length, { timeout: 10_000 }).toBe(3);

  await page.goto(`/settings/webhooks/deliveries?webhookId=${hook.id}`);
  const rows = page.getByTestId("delivery-row");
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole("columnheader", { name: "Duration" })).toBeVisible();
  await expect(rows.first()).toContainText(/\d+ ms/);

  // Select two and retry them together, now that the receiver answers them.
  const [first, second] = await listed();
  for (const d of [first, second]) passing.add(d?.id as string);
  isFailing = false;
  for (const d of [first, second]) await page.getByRole("checkbox", { name: `Select delivery ${d?.id.slice(0, 8)}` }).check();
  await expect(page.getByTestId("selection-bar")).toContainText("2 selected");
  await screenshot(page, "day-one-selection");
  await page.getByRole("button", { name: "Redeliver selected" }).click();
  await expect(page.getByText("Redelivered 2: 2 succeeded, 0 did not")).toBeVisible();
  await expect(rows.filter({ hasText: "Succeeded" })).toHaveCount(2, { timeout: 5_000 });

  // Disabled, its last pending one is parked: the filter finds it.
  expect((await api(`/webhooks/${hook.id}/disable`, { method: "POST" })).status).toBe(200);
  await page.goto(`/settings/webhooks/deliveries?webhookId=${hook.id}&status=parked`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Parked");

  await page.goto(`/settings/webhooks/${hook.id}`);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/settings\/webhooks$/);
  await expect(page.getByTestId("webhook-row").filter({ hasText: hook.url })).toHaveCount(0);
});

test("Settings → Event types and projects: a project added before any event can be picked in the webhook form; a custom type is described", async ({
  page,
}) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/catalog");
  const id = `crm-${Date.now()}`;
  await page.getByLabel("Project id").fill(id);
  await page.getByLabel("Name", { exact: true }).first().fill("CRM Europe");
  await page.getByRole("button", { name: "Add project" }).click();
  await expect(page.getByTestId("project-list")).toContainText(id);
  const rename = page.getByLabel(`Name of ${id}`);
  await rename.fill("CRM Europe (prod)");
  await page.getByTestId("project-list").locator("li").filter({ has: rename }).getByRole("button", { name: "Rename" }).click();
  await expect(page.getByText(`Project ${id} renamed`)).toBeVisible();

  const type = `invoices.paid${Date.now()}`;
  const eventTypes = page.getByRole("region", { name: "Event types" });
  await eventTypes.getByLabel("Name").fill(type);
  await eventTypes.getByLabel("Group").fill("Billing");
  await eventTypes.getByLabel("Description").fill("When an invoice is paid in full");
  await eventTypes.getByRole("button", { name: "Add event type" }).click();
  await expect(page.getByTestId("event-catalog")).toContainText(type);
  await expect(page.getByTestId("event-catalog")).toContainText("When an invoice is paid in full");
  await screenshot(page, "day-one-catalog");

  await page.goto("/settings/webhooks/new");
  await page.getByRole("radio", { name: /^Only these projects/ }).check();
  await expect(page.getByText("CRM Europe (prod)")).toBeVisible();
});

test("OAuth apps: rename one, edit its redirect URIs, rotate its secret (shown once)", async ({ page }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/oauth-apps");
  const name = `Day one ${Date.now()}`;
  await page.getByLabel("Application name").fill(name);
  await page.getByRole("textbox", { name: "Redirect URIs" }).fill("https://app.example.com/cb");
  await page
    .getByRole("group", { name: /^Scopes/ })
    .getByRole("checkbox", { name: /webhooks:read/ })
    .check();
  await page.getByRole("button", { name: "Register application" }).click();
  const card = page.getByTestId("oauth-app").filter({ hasText: name });
  await expect(card).toBeVisible();
  await card.getByRole("button", { name: `Edit ${name}` }).click();
  const form = card.getByRole("form", { name: `Edit ${name}` });
  await form.getByLabel("Name").fill(`${name} (renamed)`);
  await form.getByRole("textbox", { name: /^Redirect URIs/ }).fill("https://app.example.com/cb\nhttps://app.example.com/cb2");
  await form.getByRole("button", { name: "Save" }).click();
  const renamed = page.getByTestId("oauth-app").filter({ hasText: `${name} (renamed)` });
  await expect(renamed).toContainText("https://app.example.com/cb2");
  await renamed.getByRole("button", { name: /^Rotate the secret/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Rotate" }).click();
  await expect(page.getByTestId("rotated-secret")).toContainText("New client secret");
  await screenshot(page, "day-one-oauth-rotated");
});

test("Settings → Account: a wrong current password is refused on its field; a new one signs out everywhere and signs in", async ({ page, browser }) => {
  const { email, password } = E2E.account;
  const interim = `${password}-interim`;
  await signInOk(page, email, password);
  // Another browser signed in as the same admin: it is signed out too.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInOk(otherPage, email, password);

  await page.goto("/settings/account");
  await page.getByLabel("Current password").fill("not-my-password-1");
  await page.getByLabel(/^New password/).fill(interim);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password")).toBeVisible();
  await screenshot(page, "day-one-account");
  await page.getByLabel("Current password").fill(password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await otherPage.goto("/settings/webhooks");
  await expect(otherPage).toHaveURL(/\/signin/);
  await other.close();

  // The new one signs in; then back to the shared one, and "sign out everywhere" ends this session too.
  await signInOk(page, email, interim);
  await page.goto("/settings/account");
  await page.getByLabel("Current password").fill(interim);
  await page.getByLabel(/^New password/).fill(password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signInOk(page, email, password);
  await page.goto("/settings/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/signin/);
});
