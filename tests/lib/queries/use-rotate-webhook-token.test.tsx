// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useRotateWebhookToken } from "@/lib/queries/use-rotate-webhook-token";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useRotateWebhookToken", () => {
  it("POSTs /webhooks/{id}/rotate-token with an empty body and exposes the new token, caching nothing", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ token: "whsec_new" }));
    const { result } = renderHook(() => useRotateWebhookToken("w1"), { wrapper });
    act(() => result.current.mutate());
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/webhooks/w1/rotate-token", method: "POST", body: {} }]);
    expect(result.current.data).toEqual({ token: "whsec_new" });
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });
});
