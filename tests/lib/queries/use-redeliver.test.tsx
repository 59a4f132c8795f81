// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { deliveryKeys, webhookKeys } from "@/lib/queries/keys";
import { useRedeliver } from "@/lib/queries/use-redeliver";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useRedeliver", () => {
  it("POSTs /deliveries/{id}/redeliver, puts the answer in the detail cache, and invalidates deliveries and webhooks", async () => {
    const detail = { id: "d1", status: "pending", attempts: [] };
    const { client, calls, wrapper } = setup(() => Response.json(detail));
    client.setQueryData(deliveryKeys.detail("d1"), { id: "d1", status: "failed", attempts: [] });
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useRedeliver("d1"), { wrapper });
    act(() => result.current.mutate());
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/deliveries/d1/redeliver", method: "POST", body: undefined }]);
    expect(result.current.data).toEqual(detail);
    expect(client.getQueryData(deliveryKeys.detail("d1"))).toEqual(detail);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: deliveryKeys.all });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: webhookKeys.all });
  });

  it("keeps the cached detail when the server refuses, still invalidating", async () => {
    const before = { id: "d1", status: "failed", attempts: [] };
    const { client, wrapper } = setup(() => Response.json({ error: { code: "conflict", message: "Already pending" } }, { status: 409 }));
    client.setQueryData(deliveryKeys.detail("d1"), before);
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useRedeliver("d1"), { wrapper });
    act(() => result.current.mutate());
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 409, code: "conflict", message: "Already pending" });
    expect(client.getQueryData(deliveryKeys.detail("d1"))).toEqual(before);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: deliveryKeys.all });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: webhookKeys.all });
  });
});
