// @vitest-environment jsdom
import { renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { deliveryKeys } from "@/lib/queries/keys";
import { useDelivery } from "@/lib/queries/use-delivery";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useDelivery", () => {
  it("reads /deliveries/{id} and caches it under deliveryKeys.detail(id)", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ id: "d1", status: "succeeded", attempts: [] }));
    const { result } = renderHook(() => useDelivery("d1"), { wrapper });
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/deliveries/d1", method: "GET", body: undefined }]);
    expect(client.getQueryData(deliveryKeys.detail("d1"))).toEqual({ id: "d1", status: "succeeded", attempts: [] });
  });

  it("re-reads every 3 s while pending or in flight, and stops once the delivery settles", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const statuses = ["pending", "in_flight", "failed"];
    let reads = 0;
    const { wrapper } = setup(() => Response.json({ id: "d1", status: statuses[Math.min(reads++, 2)], attempts: [] }));
    const { result } = renderHook(() => useDelivery("d1"), { wrapper });
    await vi.waitFor(() => expect(result.current.data?.status).toBe("pending"));
    await vi.advanceTimersByTimeAsync(3_000);
    await vi.waitFor(() => expect(result.current.data?.status).toBe("in_flight"));
    await vi.advanceTimersByTimeAsync(3_000);
    await vi.waitFor(() => expect(result.current.data?.status).toBe("failed"));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reads).toBe(3);
  });

  it("does not re-read a delivery that is already settled", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    let reads = 0;
    const { wrapper } = setup(() => {
      reads++;
      return Response.json({ id: "d1", status: "succeeded", attempts: [] });
    });
    const { result } = renderHook(() => useDelivery("d1"), { wrapper });
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reads).toBe(1);
  });
});
