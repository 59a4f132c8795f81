// @vitest-environment jsdom
import { type InfiniteData, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { TWebhookPage } from "@/lib/client/webhooks-api";
import { webhookKeys } from "@/lib/queries/keys";
import { useToggleWebhook } from "@/lib/queries/use-toggle-webhook";
import type { TWebhook } from "@/lib/validation/webhook";

const row = (id: string, patch: Partial<TWebhook>): TWebhook => ({
  id,
  url: `https://example.com/${id}`,
  description: "",
  events: ["*"],
  projects: [],
  httpUser: null,
  hasHttpPassword: false,
  enabled: true,
  status: "working",
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
  ...patch,
});

type TPages = InfiniteData<TWebhookPage, string | undefined>;

/** A cached list holding `rows`, and the toggle hook over it; the API answers as `answer` says. */
function setup(rows: TWebhook[], answer: () => Promise<Response>) {
  vi.stubGlobal("fetch", vi.fn(answer));
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY }, mutations: { retry: false } } });
  const key = webhookKeys.list({});
  client.setQueryData<TPages>(key, { pages: [{ data: rows, nextCursor: null }], pageParams: [undefined] });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  const { result } = renderHook(() => useToggleWebhook(), { wrapper });
  const cached = (id: string) => client.getQueryData<TPages>(key)?.pages[0]?.data.find((w) => w.id === id);
  return { result, cached };
}

const never = () => new Promise<Response>(() => {});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("useToggleWebhook", () => {
  it("shows nothing new while an enable is tested: the row stays disabled until the server answers", async () => {
    const before = row("a", { enabled: false, status: "disabled", consecutiveFailures: 3 });
    const { result, cached } = setup([before], never);
    act(() => result.current.mutate({ id: "a", isEnabled: true }));
    await vi.waitFor(() => expect(result.current.isPending).toBe(true));
    await new Promise((r) => setTimeout(r, 50));
    expect(cached("a")).toEqual(before);
  });

  it("shows a disabled webhook as disabled, keeping its failure count", async () => {
    const { result, cached } = setup([row("a", { status: "failing", consecutiveFailures: 2 })], never);
    act(() => result.current.mutate({ id: "a", isEnabled: false }));
    await vi.waitFor(() => expect(cached("a")).toMatchObject({ enabled: false, consecutiveFailures: 2, status: "disabled" }));
  });

  it("puts the row back when the server refuses", async () => {
    const before = row("a", { enabled: false, status: "disabled", consecutiveFailures: 3 });
    const refuse = async () => Response.json({ error: { code: "test_failed", message: "Not enabled" } }, { status: 422 });
    const { result, cached } = setup([before, row("b", {})], refuse);
    act(() => result.current.mutate({ id: "a", isEnabled: true }));
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(cached("a")).toEqual(before);
  });
});
