// @vitest-environment jsdom
import { renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { catalogKeys } from "@/lib/queries/keys";
import { useEventTypes } from "@/lib/queries/use-event-types";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

const rows = [{ name: "build.finished", description: "A build finished" }];

describe("useEventTypes", () => {
  it("reads /event-types, unwrapped, under catalogKeys.eventTypes", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ data: rows }));
    const { result } = renderHook(() => useEventTypes(), { wrapper });
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/event-types", method: "GET", body: undefined }]);
    expect(result.current.data).toEqual(rows);
    expect(client.getQueryData(catalogKeys.eventTypes)).toEqual(rows);
  });

  it("keeps the catalog fresh: a second component does not read it again", async () => {
    const { calls, wrapper } = setup(() => Response.json({ data: rows }));
    const first = renderHook(() => useEventTypes(), { wrapper });
    await vi.waitFor(() => expect(first.result.current.isSuccess).toBe(true));
    const second = renderHook(() => useEventTypes(), { wrapper });
    expect(second.result.current.data).toEqual(rows);
    expect(second.result.current.isStale).toBe(false);
    expect(calls).toHaveLength(1);
  });
});
