import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiClientError } from "@/lib/client/api-client";
import {
  fetchDeliveries,
  fetchDelivery,
  fetchWebhookQueue,
  fetchWebhookStats,
  postCheckSignature,
  postRedeliver,
  postReplay,
} from "@/lib/client/deliveries-api";
import { serve } from "../../helpers/fetch-stub";

const query = (url: string | undefined) => Object.fromEntries(new URL(url ?? "", "http://x").searchParams);

afterEach(() => vi.unstubAllGlobals());

describe("fetchDeliveries", () => {
  it("GETs the first page with only limit=50 when no filter is set", async () => {
    const calls = serve(() => Response.json({ data: [{ id: "d1" }], nextCursor: "c2" }));
    await expect(fetchDeliveries({}, null)).resolves.toEqual({ data: [{ id: "d1" }], nextCursor: "c2" });
    expect(calls[0]).toMatchObject({ url: "/api/v1/deliveries?limit=50", method: "GET", body: undefined });
  });

  it("puts every set filter and the cursor in the query string, encoded, and drops empty ones", async () => {
    const calls = serve(() => Response.json({ data: [], nextCursor: null }));
    const signal = new AbortController().signal;
    const filters = { webhookId: "w1", event: "build.finished", status: "failed", statusClass: "5xx", since: "2026-01-01T00:00:00.000+01:00", until: "" };
    await fetchDeliveries(filters, "cur/1", signal);
    expect(new URL(calls[0]?.url ?? "", "http://x").pathname).toBe("/api/v1/deliveries");
    expect(query(calls[0]?.url)).toEqual({
      webhookId: "w1",
      event: "build.finished",
      status: "failed",
      statusClass: "5xx",
      since: "2026-01-01T00:00:00.000+01:00",
      cursor: "cur/1",
      limit: "50",
    });
    expect(calls[0]?.url).toContain("since=2026-01-01T00%3A00%3A00.000%2B01%3A00");
    expect(calls[0]?.url).toContain("cursor=cur%2F1");
    expect(calls[0]?.signal).toBe(signal);
  });
});

describe("one-delivery fetchers", () => {
  it("fetchDelivery GETs /deliveries/{id} with the signal", async () => {
    const calls = serve(() => Response.json({ id: "d1", status: "succeeded", attempts: [] }));
    const signal = new AbortController().signal;
    await expect(fetchDelivery("d1", signal)).resolves.toEqual({ id: "d1", status: "succeeded", attempts: [] });
    expect(calls[0]).toMatchObject({ url: "/api/v1/deliveries/d1", method: "GET", signal });
  });

  it("postRedeliver POSTs /deliveries/{id}/redeliver with no body", async () => {
    const calls = serve(() => Response.json({ id: "d1", status: "pending" }));
    await expect(postRedeliver("d1")).resolves.toEqual({ id: "d1", status: "pending" });
    expect(calls[0]).toEqual({ url: "/api/v1/deliveries/d1/redeliver", method: "POST", body: undefined, headers: {}, signal: undefined });
  });

  it("postCheckSignature POSTs the secret, signature and body as JSON", async () => {
    const calls = serve(() => Response.json({ isValid: true }));
    const body = { secret: "whsec_x", signature: "v1,abc", body: "{}" };
    await expect(postCheckSignature("d1", body)).resolves.toEqual({ isValid: true });
    expect(calls[0]).toEqual({
      url: "/api/v1/deliveries/d1/check-signature",
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
      signal: undefined,
    });
  });
});

describe("webhook queue, stats and replay", () => {
  it("postReplay POSTs { since } to /webhooks/{id}/replay", async () => {
    const calls = serve(() => Response.json({ requeued: 3 }));
    await expect(postReplay("w1", "2026-01-01T00:00:00.000Z")).resolves.toEqual({ requeued: 3 });
    expect(calls[0]).toMatchObject({ url: "/api/v1/webhooks/w1/replay", method: "POST", body: { since: "2026-01-01T00:00:00.000Z" } });
  });

  it("fetchWebhookQueue GETs /webhooks/{id}/queue and unwraps data", async () => {
    const queue = { queued: 2, inFlight: 1, maxInFlight: 16, waitingFor: null };
    const calls = serve(() => Response.json({ data: queue }));
    const signal = new AbortController().signal;
    await expect(fetchWebhookQueue("w1", signal)).resolves.toEqual(queue);
    expect(calls[0]).toMatchObject({ url: "/api/v1/webhooks/w1/queue", method: "GET", signal });
  });

  it("fetchWebhookStats GETs /webhooks/{id}/stats?range= and unwraps data", async () => {
    const buckets = [{ at: "2026-01-01T00:00:00.000Z", succeeded: 1, failed: 0 }];
    const calls = serve(() => Response.json({ data: buckets }));
    await expect(fetchWebhookStats("w1", "7d")).resolves.toEqual(buckets);
    expect(calls[0]).toMatchObject({ url: "/api/v1/webhooks/w1/stats?range=7d", method: "GET" });
  });
});

describe("errors", () => {
  it("an API error body becomes an ApiClientError carrying code, message and issues", async () => {
    const issues = [{ path: "since", message: "Must be an ISO instant" }];
    serve(() => Response.json({ error: { code: "validation_failed", message: "Invalid body", issues } }, { status: 400 }));
    const error = await postReplay("w1", "yesterday").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ status: 400, code: "validation_failed", message: "Invalid body", issues });
  });

  it("a missing delivery is a not_found ApiClientError", async () => {
    serve(() => Response.json({ error: { code: "not_found", message: "No such delivery" } }, { status: 404 }));
    await expect(fetchDelivery("nope")).rejects.toMatchObject({ status: 404, code: "not_found", message: "No such delivery", issues: [] });
  });
});
