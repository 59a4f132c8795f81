import { expect, type Page, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { startReceiver } from "../helpers/receiver";
import { createApiKeyInBrowser, expectNoHorizontalScroll, screenshot, signInOk } from "./helpers";

// What a receiver needs from a subscription (issue 24): an event's example before the first one
// happens, Send example, custom headers, a payload filter tried in the form, ordered delivery.

let receiver: Awaited<ReturnType<typeof startReceiver>>;
test.beforeAll(async () => {
  receiver = await startReceiver((_req, res) => res.end("ok"));
});
test.afterAll(() => receiver.close());

async function apiOf(page: Page, baseURL: string | undefined) {
  const key = await createApiKeyInBrowser(page, `subscriptions ${Date.now()}`);
  return (path: string, body?: unknown) =>
    fetch(`${baseURL}/api/v1${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

async function atBothWidths(page: Page, name: string) {
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("pick an event and see its example and schema; add a header, write a filter and try it, switch ordered delivery on", async ({ page }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/webhooks/new");
  await page.getByLabel("URL").fill(`${receiver.url}/subscribed`);

  // The example, before any such event has happened.
  await page.getByRole("button", { name: "Example of deals.created" }).click();
  const preview = page.getByTestId("event-preview");
  await expect(preview).toContainText("Deal created");
  await expect(page.getByTestId("event-example")).toContainText('"title": "Northwind annual licence"');
  await preview.getByRole("button", { name: "Show the JSON Schema" }).click();
  await expect(page.getByTestId("event-schema")).toContainText('"$schema": "https://json-schema.org/draft/2020-12/schema"');
  await page.getByRole("checkbox", { name: /^deals\.created/ }).check();

  // A header the receiver's gateway wants, kept secret.
  await page.getByRole("button", { name: "Add header" }).click();
  await page.getByLabel("Header 1 name").fill("X-Api-Key");
  await page.getByLabel("Header 1 value").fill("sk_test_subscriptions");
  await page.getByRole("checkbox", { name: "Secret" }).check();

  // A filter, tried on the example: a deal of 24,000 is over 10,000, not over 50,000.
  const filter = page.getByLabel("Payload filter (optional)");
  await filter.fill('{ "data.value": { "$gt": 50000 } }');
  await page.getByRole("button", { name: "Try it" }).click();
  await expect(page.getByTestId("filter-try-result")).toHaveText("Does not match: this deals.created would create no delivery for this webhook.");
  await filter.fill('{ "data.value": { "$gt": 10000 } }');
  await page.getByRole("button", { name: "Try it" }).click();
  await expect(page.getByTestId("filter-try-result")).toHaveText("Matches: this deals.created would be delivered to this webhook.");

  await page.getByRole("checkbox", { name: /Deliver in order/ }).check();
  await page.getByLabel("Ordering key (optional)").fill("data.id");
  await atBothWidths(page, "subscription-form");

  // A filter that is not the language is refused on its field.
  await filter.fill('{ "data.value": { "$regex": "^1" } }');
  await page.getByRole("button", { name: "Create webhook" }).click();
  await expect(page.getByText(/filter\.data\.value\.\$regex: unknown operator/)).toBeVisible();
  await filter.fill('{ "data.value": { "$gt": 10000 } }');
  await page.getByRole("button", { name: "Create webhook" }).click();
  await expect(page.getByRole("heading", { name: "Webhook created" })).toBeVisible();
});

test("Send example: a type's example, signed and with the webhook's headers, answered inline and kept in the log as a test", async ({ page, baseURL }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  const api = await apiOf(page, baseURL);
  const created = await api("/webhooks", {
    url: `${receiver.url}/example`,
    events: ["deals.created", "post_task"],
    headers: [{ name: "X-Tenant", value: "acme" }],
    ordered: true,
    orderingKey: "data.id",
  });
  const hook = (await created.json()) as { id: string };
  await page.goto(`/settings/webhooks/${hook.id}`);
  const form = page.getByRole("form", { name: "Send an example" });
  await form.getByLabel("Send an example of").selectOption("post_task");
  const before = receiver.received.length;
  await form.getByRole("button", { name: "Send example" }).click();
  await expect(form.getByTestId("test-result")).toContainText("Example of post_task delivered · HTTP 200");
  const sent = receiver.received.slice(before).find((r) => r.headers.event === "post_task");
  expect(sent?.headers["x-tenant"]).toBe("acme");
  expect(JSON.parse(sent?.body ?? "{}").data).toMatchObject({ name: "Draft the new pricing page" });
  await expect(page.getByTestId("delivery-row")).toHaveCount(1);
  await expect(page.getByTestId("webhook-order")).toHaveText("in order per data.id");
  await expect(page.getByTestId("webhook-headers")).toHaveText("X-Tenant: acme");
  await atBothWidths(page, "send-example");
  await form.getByRole("link", { name: "Open it in the log" }).click();
  await expect(page.getByText("X-Tenant").first()).toBeVisible();
  await expect(page.getByText("test", { exact: true }).first()).toBeVisible();
});

test("a delivery waiting in order names the one it waits for, the webhook counts what is held back, and schema complaints show", async ({ page, baseURL }) => {
  // The first event of key A is refused: the second waits for it.
  const refusing = await startReceiver((req, res, body) => {
    res.statusCode = req.headers.event === "ping" ? 200 : JSON.parse(body).data.n === 1 ? 503 : 200;
    res.end();
  });
  try {
    await signInOk(page, E2E.admin.email, E2E.admin.password);
    const api = await apiOf(page, baseURL);
    const hook = (await (await api("/webhooks", { url: `${refusing.url}/o`, events: ["update_task"], ordered: true, orderingKey: "data.key" })).json()) as {
      id: string;
    };
    expect((await api(`/webhooks/${hook.id}/enable`, {})).status).toBe(200);
    await api("/events", { event: "update_task", data: { key: "A", n: 1 } });
    const second = (await (await api("/events", { event: "update_task", data: { key: "A", n: 2 } })).json()) as { id: string };
    const list = (await (await api(`/deliveries?webhookId=${hook.id}`)).json()) as { data: { id: string; eventId: string }[] };
    const waiting = list.data.find((d) => d.eventId === second.id) as { id: string };
    const head = list.data.find((d) => d.eventId !== second.id) as { id: string };
    await page.goto(`/settings/webhooks/deliveries/${waiting.id}`);
    await expect(page.getByTestId("waiting-for")).toContainText(`Waiting for delivery ${head.id.slice(0, 8)}`);
    // Worksection's task model needs an id, a name and a project: this data has none of them.
    await expect(page.getByTestId("schema-errors")).toContainText("data must have required property 'project'");
    await atBothWidths(page, "delivery-waiting");
    await page.goto(`/settings/webhooks/${hook.id}`);
    await expect(page.getByTestId("held-back-in-order")).toHaveText("1 delivery held back, in order, behind one that has not succeeded yet");
  } finally {
    await refusing.close();
  }
});
