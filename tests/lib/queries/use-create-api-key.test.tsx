// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { apiKeyKeys } from "@/lib/queries/keys";
import { useCreateApiKey } from "@/lib/queries/use-create-api-key";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useCreateApiKey", () => {
  it("POSTs the name and scopes, exposes the key shown once, and re-reads the key list", async () => {
    const created = { id: "k1", name: "CI", prefix: "hk_abc", key: "hk_abc_secret" };
    const { client, calls, wrapper } = setup(() => Response.json(created, { status: 201 }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useCreateApiKey(), { wrapper });
    act(() => result.current.mutate({ name: "CI", scopes: ["webhooks:read"] }));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/api-keys", method: "POST", body: { name: "CI", scopes: ["webhooks:read"] } }]);
    expect(result.current.data).toEqual(created);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: apiKeyKeys.all });
  });

  it("re-reads the key list on failure too, and exposes the error", async () => {
    const issues = [{ path: "name", message: "Required" }];
    const { client, wrapper } = setup(() => Response.json({ error: { code: "validation_failed", message: "Invalid body", issues } }, { status: 400 }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useCreateApiKey(), { wrapper });
    act(() => result.current.mutate({ name: "" }));
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 400, code: "validation_failed", issues });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: apiKeyKeys.all });
  });
});
