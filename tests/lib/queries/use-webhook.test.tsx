// @vitest-environment jsdom
import { renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { webhookKeys } from "@/lib/queries/keys";
import { useWebhook } from "@/lib/queries/use-webhook";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useWebhook", () => {
  it("reads /webhooks/{id} and caches it under webhookKeys.detail(id)", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ id: "w1", url: "https://example.com/in" }));
    const { result } = renderHook(() => useWebhook("w1"), { wrapper });
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/webhooks/w1", method: "GET", body: undefined }]);
    expect(result.current.data).toEqual({ id: "w1", url: "https://example.com/in" });
    expect(client.getQueryData(webhookKeys.detail("w1"))).toEqual(result.current.data);
  });

  it("exposes a missing webhook as a not_found error", async () => {
    const { wrapper } = setup(() => Response.json({ error: { code: "not_found", message: "No such webhook" } }, { status: 404 }));
    const { result } = renderHook(() => useWebhook("gone"), { wrapper });
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 404, code: "not_found", message: "No such webhook" });
  });
});
