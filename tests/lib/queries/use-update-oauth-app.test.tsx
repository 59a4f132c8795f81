// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { oauthAppKeys } from "@/lib/queries/keys";
import { useUpdateOAuthApp } from "@/lib/queries/use-update-oauth-app";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useUpdateOAuthApp", () => {
  it("PATCHes /oauth-apps/{id}, and re-reads the applications", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ id: "a1", name: "Renamed" }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useUpdateOAuthApp(), { wrapper });
    act(() => result.current.mutate({ id: "a1", body: { name: "Renamed" } }));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/oauth-apps/a1", method: "PATCH", body: { name: "Renamed" } }]);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: oauthAppKeys.all });
  });
});
