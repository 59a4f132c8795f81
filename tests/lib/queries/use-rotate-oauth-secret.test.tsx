// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { oauthAppKeys } from "@/lib/queries/keys";
import { useRotateOAuthSecret } from "@/lib/queries/use-rotate-oauth-secret";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useRotateOAuthSecret", () => {
  it("POSTs /oauth-apps/{id}/rotate-secret, hands back the new secret, and re-reads the applications", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ id: "a1", clientSecret: "hlcs_new" }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useRotateOAuthSecret(), { wrapper });
    act(() => result.current.mutate("a1"));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/oauth-apps/a1/rotate-secret", method: "POST", body: undefined }]);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: oauthAppKeys.all });
    expect(result.current.data?.clientSecret).toBe("hlcs_new");
  });
});
