// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { deliveryKeys, webhookKeys } from "@/lib/queries/keys";
import { useRedeliverMany } from "@/lib/queries/use-redeliver-many";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useRedeliverMany", () => {
  it("sends the selection in one POST /deliveries/redeliver, and re-reads the log and the webhooks", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ data: [] }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useRedeliverMany(), { wrapper });
    act(() => result.current.mutate(["d1", "d2"]));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/deliveries/redeliver", method: "POST", body: { ids: ["d1", "d2"] } }]);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: deliveryKeys.all });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: webhookKeys.all });
  });
});
