// @vitest-environment jsdom
import { renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { webhookKeys } from "@/lib/queries/keys";
import { useWebhookOptions } from "@/lib/queries/use-webhook-options";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useWebhookOptions", () => {
  it("reads every page, 100 at a time, into one list cached under webhookKeys.options()", async () => {
    const { client, calls, wrapper } = setup((url) =>
      Response.json(url.includes("cursor=p2") ? { data: [{ id: "c" }], nextCursor: null } : { data: [{ id: "a" }, { id: "b" }], nextCursor: "p2" }),
    );
    const { result } = renderHook(() => useWebhookOptions(), { wrapper });
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls.map((c) => c.url)).toEqual(["/api/v1/webhooks?limit=100", "/api/v1/webhooks?limit=100&cursor=p2"]);
    expect(result.current.data?.map((w) => w.id)).toEqual(["a", "b", "c"]);
    expect(client.getQueryData(webhookKeys.options())).toEqual(result.current.data);
  });
});
