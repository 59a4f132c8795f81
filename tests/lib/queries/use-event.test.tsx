// @vitest-environment jsdom
import { renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { deliveryKeys, eventKeys } from "@/lib/queries/keys";
import { useEvent } from "@/lib/queries/use-event";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

const delivery = (status: string, isParked = false) => ({ id: "d1", status, isParked });

describe("useEvent", () => {
  it("reads /events/{id} and caches it under the deliveries' keys, so delivery changes re-read it", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ id: "e1", deliveries: [] }));
    const { result } = renderHook(() => useEvent("e1"), { wrapper });
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/events/e1", method: "GET", body: undefined }]);
    expect(client.getQueryData(eventKeys.detail("e1"))).toEqual({ id: "e1", deliveries: [] });
    expect(eventKeys.detail("e1").slice(0, 1)).toEqual([...deliveryKeys.all]);
  });

  it("re-reads every 3 s while a delivery is on its way, not for parked or settled ones", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const answers = [[delivery("pending")], [delivery("in_flight")], [delivery("succeeded"), delivery("pending", true)]];
    let reads = 0;
    const { wrapper } = setup(() => Response.json({ id: "e1", deliveries: answers[Math.min(reads++, 2)] }));
    const { result } = renderHook(() => useEvent("e1"), { wrapper });
    await vi.waitFor(() => expect(result.current.data?.deliveries[0]?.status).toBe("pending"));
    await vi.advanceTimersByTimeAsync(3_000);
    await vi.waitFor(() => expect(result.current.data?.deliveries[0]?.status).toBe("in_flight"));
    await vi.advanceTimersByTimeAsync(3_000);
    await vi.waitFor(() => expect(result.current.data?.deliveries).toHaveLength(2));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reads).toBe(3);
  });
});
