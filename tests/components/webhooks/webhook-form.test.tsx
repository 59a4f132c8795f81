// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ToastProvider } from "@/components/ui/toast";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import type { TWebhook } from "@/lib/validation/webhook";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

const EVENT_TYPES = [
  { name: "invoice.paid", description: "An invoice was paid", group: "invoice" },
  { name: "customer.created", description: "A customer signed up", group: "customer" },
];
const SAVED: TWebhook = {
  id: "7d1c2a7e-1f0a-4a53-9a55-0b1f1e0c2a11",
  url: "https://example.com/hooks",
  description: "CRM",
  events: ["invoice.paid"],
  projects: [],
  httpUser: "crm",
  hasHttpPassword: true,
  enabled: false,
  status: "disabled",
  consecutiveFailures: 0,
  failureLimit: 5,
  disabledReason: null,
  enableError: null,
  previousTokenExpiresAt: null,
  maxInFlight: 16,
  rateLimitPerSecond: null,
  signatureFamilies: ["teamwork", "standard-webhooks", "twenty"],
  lastDeliveryAt: null,
  autoRecover: false,
  headers: [],
  filter: null,
  ordered: false,
  orderingKey: null,
  recovery: { nextProbeAt: null, probes: 0, lastProbeAt: null, lastProbeResult: null },
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};

type TCall = { method: string; path: string; body: unknown };
let calls: TCall[];
/** Answers for writes, keyed "METHOD /path"; reads of the catalog always answer. */
let answers: Record<string, { status: number; body: unknown }>;

/** A stand-in for the admin API at /api/v1, recording every request the form makes. */
async function fakeApi(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const path = String(input).replace(/^\/api\/v1/, "");
  const method = init.method ?? "GET";
  calls.push({ method, path, body: typeof init.body === "string" ? JSON.parse(init.body) : undefined });
  if (path === "/event-types") return Response.json({ data: EVENT_TYPES });
  if (path === "/projects") return Response.json({ data: [] });
  const answer = answers[`${method} ${path}`];
  return answer
    ? Response.json(answer.body, { status: answer.status })
    : Response.json({ error: { code: "not_found", message: "Not found" } }, { status: 404 });
}
const writes = () => calls.filter((c) => c.method !== "GET");

function renderForm(webhook?: TWebhook) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <ToastProvider>
      <QueryClientProvider client={client}>
        <WebhookForm webhook={webhook} />
      </QueryClientProvider>
    </ToastProvider>,
  );
  return userEvent.setup();
}

beforeEach(() => {
  calls = [];
  answers = {};
  push.mockReset();
  vi.stubGlobal("fetch", vi.fn(fakeApi));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("WebhookForm (create)", () => {
  it("shows the schema's field errors and sends nothing while the form is invalid", async () => {
    const user = renderForm();
    await screen.findByRole("checkbox", { name: /^invoice\.paid/ });
    await user.clear(screen.getByLabelText("Requests in flight at most"));
    await user.type(screen.getByLabelText("Requests in flight at most"), "0");
    await user.type(screen.getByLabelText("HTTP password (optional)"), "secret");
    await user.click(screen.getByRole("button", { name: "Create webhook" }));

    expect(screen.getByText("Enter a URL")).toBeTruthy();
    expect(screen.getByText("Pick at least one event, or all events")).toBeTruthy();
    expect(screen.getByText("Allow at least 1 request in flight")).toBeTruthy();
    expect(screen.getByText("Enter the HTTP user that goes with the password")).toBeTruthy();
    expect(screen.getByLabelText("URL").getAttribute("aria-invalid")).toBe("true");
    expect(writes()).toEqual([]);
  });

  it("refuses a URL the schema refuses, with the schema's message", async () => {
    const user = renderForm();
    await user.type(screen.getByLabelText("URL"), "ftp://example.com/hooks");
    await user.click(screen.getByRole("button", { name: "Create webhook" }));
    expect(screen.getByText("URL must start with http:// or https://")).toBeTruthy();
    expect(writes()).toEqual([]);
  });

  it("posts the built body when valid, then shows the signing token once", async () => {
    answers["POST /webhooks"] = { status: 201, body: { ...SAVED, token: "whsec_created-token-value" } };
    const user = renderForm();
    await user.type(screen.getByLabelText("URL"), "https://example.com/hooks");
    await user.type(screen.getByLabelText("Description (optional)"), "CRM");
    await user.click(await screen.findByRole("checkbox", { name: /^invoice\.paid/ }));
    await user.type(screen.getByLabelText("Requests per second at most (optional)"), "5");
    await user.click(screen.getByRole("button", { name: "Create webhook" }));

    expect(await screen.findByRole("heading", { name: "Webhook created" })).toBeTruthy();
    expect(screen.getByLabelText("Signing token")).toHaveProperty("value", "whsec_created-token-value");
    // Empty optional fields (token, user, password) are left out; the server generates the token.
    expect(writes()).toEqual([
      {
        method: "POST",
        path: "/webhooks",
        body: {
          url: "https://example.com/hooks",
          description: "CRM",
          events: ["invoice.paid"],
          projects: [],
          maxInFlight: 16,
          rateLimitPerSecond: 5,
          signatureFamilies: ["teamwork", "standard-webhooks", "twenty"],
          autoRecover: false,
          headers: [],
          filter: null,
          ordered: false,
          orderingKey: null,
        },
      },
    ]);
  });

  it("shows the server's field issues when it refuses the body", async () => {
    answers["POST /webhooks"] = {
      status: 400,
      body: { error: { code: "validation_failed", message: "Unknown event", issues: [{ path: "events.0", message: "Unknown event: invoice.paid" }] } },
    };
    const user = renderForm();
    await user.type(screen.getByLabelText("URL"), "https://example.com/hooks");
    await user.click(await screen.findByRole("checkbox", { name: /^invoice\.paid/ }));
    await user.click(screen.getByRole("button", { name: "Create webhook" }));

    expect(await screen.findByText("Unknown event: invoice.paid")).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Webhook created" })).toBeNull();
  });
});

describe("WebhookForm (signatures)", () => {
  it("ticks all three by default, and refuses to save with none, on that field", async () => {
    const user = renderForm();
    const boxes = ["Teamwork", "Standard Webhooks", "Twenty"].map((name) => screen.getByRole("checkbox", { name: new RegExp(`^${name}`) }));
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([true, true, true]);
    await user.type(screen.getByLabelText("URL"), "https://example.com/hooks");
    await user.click(await screen.findByRole("checkbox", { name: /^invoice\.paid/ }));
    for (const box of boxes) await user.click(box);
    await user.click(screen.getByRole("button", { name: "Create webhook" }));
    expect(screen.getByText("Pick at least one signature family")).toBeTruthy();
    expect(screen.getByRole("group", { name: "Signatures" }).getAttribute("data-invalid")).toBe("true");
    expect(writes()).toEqual([]);
  });
});

describe("WebhookForm (edit)", () => {
  it("patches the changed webhook (an emptied user is null, an empty password is left out), then goes back to the list", async () => {
    answers[`PATCH /webhooks/${SAVED.id}`] = { status: 200, body: SAVED };
    const user = renderForm(SAVED);
    await screen.findByRole("checkbox", { name: /^customer\.created/ });
    await user.clear(screen.getByLabelText("HTTP user (optional)"));
    await user.click(screen.getByRole("checkbox", { name: /^customer\.created/ }));
    await user.click(screen.getByRole("checkbox", { name: /^Standard Webhooks/ }));
    await user.click(screen.getByRole("button", { name: "Save changes" }));

    await vi.waitFor(() => expect(push).toHaveBeenCalledWith("/settings/webhooks"));
    expect(writes()).toEqual([
      {
        method: "PATCH",
        path: `/webhooks/${SAVED.id}`,
        body: {
          url: "https://example.com/hooks",
          description: "CRM",
          events: ["invoice.paid", "customer.created"],
          projects: [],
          maxInFlight: 16,
          rateLimitPerSecond: null,
          signatureFamilies: ["teamwork", "twenty"],
          autoRecover: false,
          headers: [],
          filter: null,
          ordered: false,
          orderingKey: null,
          httpUser: null,
        },
      },
    ]);
  });
});
