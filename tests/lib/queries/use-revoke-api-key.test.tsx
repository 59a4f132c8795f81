// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { apiKeyKeys } from "@/lib/queries/keys";
import { useRevokeApiKey } from "@/lib/queries/use-revoke-api-key";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useRevokeApiKey", () => {
  it("DELETEs /api-keys/{id} and re-reads the key list", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ id: "k1", name: "CI" }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useRevokeApiKey(), { wrapper });
    act(() => result.current.mutate("k1"));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/api-keys/k1", method: "DELETE", body: undefined }]);
    expect(result.current.data).toEqual({ id: "k1", name: "CI" });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: apiKeyKeys.all });
  });

  it("re-reads the key list when the server refuses, too", async () => {
    const { client, wrapper } = setup(() => Response.json({ error: { code: "not_found", message: "No such key" } }, { status: 404 }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useRevokeApiKey(), { wrapper });
    act(() => result.current.mutate("gone"));
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 404, code: "not_found", message: "No such key" });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: apiKeyKeys.all });
  });
});
