// @vitest-environment jsdom
import { renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { deliveryKeys } from "@/lib/queries/keys";
import { useWebhookStats } from "@/lib/queries/use-webhook-stats";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

const buckets = [{ at: "2026-01-01T00:00:00.000Z", succeeded: 4, failed: 1 }];

describe("useWebhookStats", () => {
  it("reads /webhooks/{id}/stats for the range, unwrapped, under deliveryKeys.stats(id, range)", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ data: buckets }));
    const { result } = renderHook(() => useWebhookStats("w1", "7d"), { wrapper });
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/webhooks/w1/stats?range=7d", method: "GET", body: undefined }]);
    expect(result.current.data).toEqual(buckets);
    expect(client.getQueryData(deliveryKeys.stats("w1", "7d"))).toEqual(buckets);
  });

  it("re-reads once a minute", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const { calls, wrapper } = setup(() => Response.json({ data: buckets }));
    const { result } = renderHook(() => useWebhookStats("w1", "24h"), { wrapper });
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    await vi.advanceTimersByTimeAsync(59_000);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.url).toBe("/api/v1/webhooks/w1/stats?range=24h");
  });
});
