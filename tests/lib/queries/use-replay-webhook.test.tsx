// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { deliveryKeys } from "@/lib/queries/keys";
import { useReplayWebhook } from "@/lib/queries/use-replay-webhook";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useReplayWebhook", () => {
  it("POSTs { since } to /webhooks/{id}/replay, exposes the count, and invalidates every delivery query", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ requeued: 7 }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useReplayWebhook("w1"), { wrapper });
    act(() => result.current.mutate("2026-01-01T00:00:00.000Z"));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/webhooks/w1/replay", method: "POST", body: { since: "2026-01-01T00:00:00.000Z" } }]);
    expect(result.current.data).toEqual({ requeued: 7 });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: deliveryKeys.all });
  });

  it("invalidates the delivery queries when the server refuses, too", async () => {
    const { client, wrapper } = setup(() => Response.json({ error: { code: "validation_failed", message: "Invalid body" } }, { status: 400 }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useReplayWebhook("w1"), { wrapper });
    act(() => result.current.mutate("yesterday"));
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 400, code: "validation_failed", message: "Invalid body" });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: deliveryKeys.all });
  });
});
