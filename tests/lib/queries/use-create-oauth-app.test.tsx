// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { oauthAppKeys } from "@/lib/queries/keys";
import { useCreateOAuthApp } from "@/lib/queries/use-create-oauth-app";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useCreateOAuthApp", () => {
  it("POSTs the application, exposes the secret shown once, and re-reads the list", async () => {
    const created = { id: "a1", name: "Reports", clientId: "hlc_x", clientSecret: "hlcs_s" };
    const { client, calls, wrapper } = setup(() => Response.json(created, { status: 201 }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useCreateOAuthApp(), { wrapper });
    act(() => result.current.mutate({ name: "Reports", redirectUris: [], scopes: ["administrative"] }));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/oauth-apps", method: "POST", body: { name: "Reports", redirectUris: [], scopes: ["administrative"] } }]);
    expect(result.current.data).toEqual(created);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: oauthAppKeys.all });
  });
});
