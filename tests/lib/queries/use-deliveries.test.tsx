// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { deliveryKeys } from "@/lib/queries/keys";
import { useDeliveries } from "@/lib/queries/use-deliveries";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useDeliveries", () => {
  it("reads the first page with the filters, then the next from nextCursor", async () => {
    const { client, calls, wrapper } = setup((url) =>
      Response.json(url.includes("cursor=c2") ? { data: [{ id: "d2" }], nextCursor: null } : { data: [{ id: "d1" }], nextCursor: "c2" }),
    );
    const filters = { webhookId: "w1", status: "failed" };
    const { result } = renderHook(() => useDeliveries(filters), { wrapper });
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/deliveries?webhookId=w1&status=failed&limit=50", method: "GET", body: undefined }]);
    expect(result.current.hasNextPage).toBe(true);
    await act(() => result.current.fetchNextPage());
    expect(calls[1]?.url).toBe("/api/v1/deliveries?webhookId=w1&status=failed&cursor=c2&limit=50");
    await vi.waitFor(() => expect(result.current.data?.pages.flatMap((p) => p.data.map((d) => d.id))).toEqual(["d1", "d2"]));
    expect(result.current.hasNextPage).toBe(false);
    expect(client.getQueryData(deliveryKeys.list(filters))).toEqual(result.current.data);
  });

  it("exposes an API error with its field issues", async () => {
    const issues = [{ path: "since", message: "Must be an ISO instant" }];
    const { wrapper } = setup(() => Response.json({ error: { code: "validation_failed", message: "Invalid query", issues } }, { status: 400 }));
    const { result } = renderHook(() => useDeliveries({ since: "yesterday" }), { wrapper });
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 400, code: "validation_failed", message: "Invalid query", issues });
  });
});
