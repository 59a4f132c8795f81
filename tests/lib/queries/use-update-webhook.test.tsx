// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { webhookKeys } from "@/lib/queries/keys";
import { useUpdateWebhook } from "@/lib/queries/use-update-webhook";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useUpdateWebhook", () => {
  it("PATCHes /webhooks/{id} with the body and invalidates every webhook query", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ id: "w1", description: "new" }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useUpdateWebhook(), { wrapper });
    act(() => result.current.mutate({ id: "w1", body: { description: "new" } }));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/webhooks/w1", method: "PATCH", body: { description: "new" } }]);
    expect(result.current.data).toEqual({ id: "w1", description: "new" });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: webhookKeys.all });
  });

  it("leaves the cache alone when the server refuses, exposing the field issues", async () => {
    const issues = [{ path: "events.0", message: "Unknown event" }];
    const { client, wrapper } = setup(() => Response.json({ error: { code: "validation_failed", message: "Invalid body", issues } }, { status: 422 }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useUpdateWebhook(), { wrapper });
    act(() => result.current.mutate({ id: "w1", body: { events: ["nope"] } }));
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 422, code: "validation_failed", issues });
    expect(invalidate).not.toHaveBeenCalled();
  });
});
