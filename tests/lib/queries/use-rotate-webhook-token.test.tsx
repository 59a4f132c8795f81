// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { webhookKeys } from "@/lib/queries/keys";
import { useRotateWebhookToken } from "@/lib/queries/use-rotate-webhook-token";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useRotateWebhookToken", () => {
  it("POSTs /webhooks/{id}/rotate-token with the overlap, exposes the new token and re-reads the webhook", async () => {
    const { client, calls, wrapper } = setup((url) =>
      url.endsWith("/rotate-token") ? Response.json({ token: "whsec_new", previousTokenExpiresAt: null }) : Response.json({ id: "w1" }),
    );
    client.setQueryData(webhookKeys.detail("w1"), { id: "w1", previousTokenExpiresAt: null });
    const { result } = renderHook(() => useRotateWebhookToken("w1"), { wrapper });
    act(() => result.current.mutate("now"));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls[0]).toEqual({ url: "/api/v1/webhooks/w1/rotate-token", method: "POST", body: { overlap: "now" } });
    expect(result.current.data).toEqual({ token: "whsec_new", previousTokenExpiresAt: null });
    expect(client.getQueryState(webhookKeys.detail("w1"))?.isInvalidated).toBe(true);
  });
});
