// @vitest-environment jsdom
import { renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { apiKeyKeys } from "@/lib/queries/keys";
import { useApiKeys } from "@/lib/queries/use-api-keys";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useApiKeys", () => {
  it("reads /api-keys, unwrapped, under apiKeyKeys.all", async () => {
    const rows = [{ id: "k1", name: "CI", prefix: "hk_abc" }];
    const { client, calls, wrapper } = setup(() => Response.json({ data: rows }));
    const { result } = renderHook(() => useApiKeys(), { wrapper });
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/api-keys", method: "GET", body: undefined }]);
    expect(result.current.data).toEqual(rows);
    expect(client.getQueryData(apiKeyKeys.all)).toEqual(rows);
  });
});
