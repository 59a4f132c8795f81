// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useRevealWebhookToken } from "@/lib/queries/use-reveal-webhook-token";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useRevealWebhookToken", () => {
  it("GETs /webhooks/{id}/token on demand and keeps the secret out of the query cache", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ token: "whsec_secret" }));
    const { result } = renderHook(() => useRevealWebhookToken("w1"), { wrapper });
    expect(calls).toHaveLength(0);
    act(() => result.current.mutate());
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/webhooks/w1/token", method: "GET", body: undefined }]);
    expect(result.current.data).toEqual({ token: "whsec_secret" });
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });

  it("exposes a refusal", async () => {
    const { wrapper } = setup(() => Response.json({ error: { code: "forbidden", message: "Admins only" } }, { status: 403 }));
    const { result } = renderHook(() => useRevealWebhookToken("w1"), { wrapper });
    act(() => result.current.mutate());
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 403, code: "forbidden", message: "Admins only" });
  });
});
