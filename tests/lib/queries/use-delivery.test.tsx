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

  it("does not poll: it re-reads when deliveries are invalidated (the live stream does that)", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "setTimeout", "clearTimeout"] });
    const statuses = ["pending", "failed"];
    let reads = 0;
    const { client, wrapper } = setup(() => Response.json({ id: "d1", status: statuses[Math.min(reads++, 1)], attempts: [] }));
    const { result } = renderHook(() => useDelivery("d1"), { wrapper });
    await vi.waitFor(() => expect(result.current.data?.status).toBe("pending"));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reads).toBe(1);
    await client.invalidateQueries({ queryKey: deliveryKeys.all });
    await vi.waitFor(() => expect(result.current.data?.status).toBe("failed"));
    expect(reads).toBe(2);
  });
});
