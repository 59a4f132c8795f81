// @vitest-environment jsdom
import type { InfiniteData } from "@tanstack/react-query";
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { TWebhookPage } from "@/lib/client/webhooks-api";
import { webhookKeys } from "@/lib/queries/keys";
import { useDeleteWebhook } from "@/lib/queries/use-delete-webhook";
import type { TWebhook } from "@/lib/validation/webhook";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

type TPages = InfiniteData<TWebhookPage, string | undefined>;
const row = (id: string) => ({ id, url: `https://example.com/${id}` }) as TWebhook;
const never = () => new Promise<Response>(() => {});

/** A cached list of rows a, b, c (two pages) and the delete hook over it. */
function setupList(reply: () => Response | Promise<Response>, handlers: Parameters<typeof useDeleteWebhook>[0] = {}) {
  const { client, calls, wrapper } = setup(reply);
  const key = webhookKeys.list({});
  client.setQueryData<TPages>(key, {
    pages: [
      { data: [row("a"), row("b")], nextCursor: "p2" },
      { data: [row("c")], nextCursor: null },
    ],
    pageParams: [undefined, "p2"],
  });
  const { result } = renderHook(() => useDeleteWebhook(handlers), { wrapper });
  const ids = () => client.getQueryData<TPages>(key)?.pages.map((p) => p.data.map((w) => w.id));
  return { client, calls, result, ids };
}

describe("useDeleteWebhook", () => {
  it("removes the row from the cached list at once and DELETEs /webhooks/{id}", async () => {
    const { calls, result, ids } = setupList(never);
    act(() => result.current.mutate("b"));
    await vi.waitFor(() => expect(ids()).toEqual([["a"], ["c"]]));
    expect(calls).toEqual([{ url: "/api/v1/webhooks/b", method: "DELETE", body: undefined }]);
  });

  it("calls onSuccess and invalidates every webhook query once deleted", async () => {
    const onSuccess = vi.fn();
    const { client, result, ids } = setupList(() => new Response(null, { status: 204 }), { onSuccess });
    const invalidate = vi.spyOn(client, "invalidateQueries");
    act(() => result.current.mutate("c"));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(ids()).toEqual([["a", "b"], []]);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: webhookKeys.all });
  });

  it("puts the row back where it was and calls onError when the server refuses", async () => {
    const onError = vi.fn();
    const refuse = () => Response.json({ error: { code: "conflict", message: "Deliveries in flight" } }, { status: 409 });
    const { result, ids } = setupList(refuse, { onError });
    act(() => result.current.mutate("a"));
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(ids()).toEqual([["a", "b"], ["c"]]);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ status: 409, code: "conflict", message: "Deliveries in flight" });
  });
});
