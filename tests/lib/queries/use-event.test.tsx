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

  it("does not poll: it re-reads when deliveries are invalidated (the live stream does that)", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "setTimeout", "clearTimeout"] });
    const answers = [[delivery("pending")], [delivery("succeeded")]];
    let reads = 0;
    const { client, wrapper } = setup(() => Response.json({ id: "e1", deliveries: answers[Math.min(reads++, 1)] }));
    const { result } = renderHook(() => useEvent("e1"), { wrapper });
    await vi.waitFor(() => expect(result.current.data?.deliveries[0]?.status).toBe("pending"));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reads).toBe(1);
    await client.invalidateQueries({ queryKey: deliveryKeys.all });
    await vi.waitFor(() => expect(result.current.data?.deliveries[0]?.status).toBe("succeeded"));
  });
});
