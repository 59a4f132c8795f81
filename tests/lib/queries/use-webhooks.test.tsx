// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { webhookKeys } from "@/lib/queries/keys";
import { useWebhooks } from "@/lib/queries/use-webhooks";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useWebhooks", () => {
  it("reads the first page with the filters, then the next from nextCursor, until there is none", async () => {
    const { calls, wrapper } = setup((url) =>
      Response.json(url.includes("cursor=p2") ? { data: [{ id: "b" }], nextCursor: null } : { data: [{ id: "a" }], nextCursor: "p2" }),
    );
    const { result } = renderHook(() => useWebhooks({ status: "failing" }), { wrapper });
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/webhooks?limit=50&status=failing", method: "GET", body: undefined }]);
    expect(result.current.hasNextPage).toBe(true);
    await act(() => result.current.fetchNextPage());
    expect(calls[1]?.url).toBe("/api/v1/webhooks?limit=50&status=failing&cursor=p2");
    await vi.waitFor(() => expect(result.current.data?.pages.flatMap((p) => p.data.map((w) => w.id))).toEqual(["a", "b"]));
    expect(result.current.hasNextPage).toBe(false);
  });

  it("caches under webhookKeys.list(filters), with no filters by default", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ data: [{ id: "a" }], nextCursor: null }));
    const { result } = renderHook(() => useWebhooks(), { wrapper });
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls[0]?.url).toBe("/api/v1/webhooks?limit=50");
    expect(client.getQueryData(webhookKeys.list({}))).toEqual({ pages: [{ data: [{ id: "a" }], nextCursor: null }], pageParams: [undefined] });
  });

  it("exposes an API error", async () => {
    const { wrapper } = setup(() => Response.json({ error: { code: "unauthorized", message: "Sign in" } }, { status: 401 }));
    const { result } = renderHook(() => useWebhooks(), { wrapper });
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ name: "ApiClientError", status: 401, code: "unauthorized", message: "Sign in" });
  });
});
