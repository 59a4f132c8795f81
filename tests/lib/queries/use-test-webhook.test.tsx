// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useTestWebhook } from "@/lib/queries/use-test-webhook";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useTestWebhook", () => {
  it("tests a saved webhook at /webhooks/{id}/test and exposes the result", async () => {
    const answer = { ok: true, statusCode: 200, durationMs: 12 };
    const { calls, wrapper } = setup(() => Response.json(answer));
    const { result } = renderHook(() => useTestWebhook(), { wrapper });
    act(() => result.current.mutate({ id: "w1", httpUser: "" }));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/webhooks/w1/test", method: "POST", body: { httpUser: "" } }]);
    expect(result.current.data).toEqual(answer);
  });

  it("tests an unsaved URL at /webhooks/test, leaving out empty fields, and stores nothing", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ ok: false, statusCode: 500 }));
    const { result } = renderHook(() => useTestWebhook(), { wrapper });
    act(() => result.current.mutate({ url: "https://example.com/in", token: "", httpPassword: "" }));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/webhooks/test", method: "POST", body: { url: "https://example.com/in" } }]);
    expect(result.current.data).toEqual({ ok: false, statusCode: 500 });
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });
});
