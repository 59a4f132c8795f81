// @vitest-environment jsdom
import { renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { deliveryKeys } from "@/lib/queries/keys";
import { useWebhookQueue } from "@/lib/queries/use-webhook-queue";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

const queue = (queued: number, inFlight: number) => ({ queued, inFlight, maxInFlight: 16, waitingFor: null });

describe("useWebhookQueue", () => {
  it("reads /webhooks/{id}/queue, unwrapped, under deliveryKeys.queue(id)", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ data: queue(1, 2) }));
    const { result } = renderHook(() => useWebhookQueue("w1"), { wrapper });
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/webhooks/w1/queue", method: "GET", body: undefined }]);
    expect(result.current.data).toEqual(queue(1, 2));
    expect(client.getQueryData(deliveryKeys.queue("w1"))).toEqual(queue(1, 2));
  });

  it("does not poll: it re-reads when deliveries are invalidated (the live stream does that)", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "setTimeout", "clearTimeout"] });
    const answers = [queue(3, 0), queue(0, 1)];
    let reads = 0;
    const { client, wrapper } = setup(() => Response.json({ data: answers[Math.min(reads++, 1)] }));
    const { result } = renderHook(() => useWebhookQueue("w1"), { wrapper });
    await vi.waitFor(() => expect(result.current.data).toEqual(queue(3, 0)));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reads).toBe(1);
    await client.invalidateQueries({ queryKey: deliveryKeys.all });
    await vi.waitFor(() => expect(result.current.data).toEqual(queue(0, 1)));
  });
});
