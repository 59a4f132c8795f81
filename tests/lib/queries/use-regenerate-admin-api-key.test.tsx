// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useRegenerateAdminApiKey } from "@/lib/queries/use-regenerate-admin-api-key";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useRegenerateAdminApiKey", () => {
  it("POSTs /admin-api-key/regenerate and hands back the new key, caching nothing", async () => {
    const key = { key: "fedcba9876543210fedcba9876543210", createdAt: "2026-11-30T11:00:00.000Z" };
    const { client, calls, wrapper } = setup(() => Response.json(key));
    const { result } = renderHook(() => useRegenerateAdminApiKey(), { wrapper });
    act(() => result.current.mutate());
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/admin-api-key/regenerate", method: "POST", body: undefined }]);
    expect(result.current.data).toEqual(key);
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });
});
