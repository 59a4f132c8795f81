// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { oauthAppKeys } from "@/lib/queries/keys";
import { useRestoreOAuthApp } from "@/lib/queries/use-restore-oauth-app";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useRestoreOAuthApp", () => {
  it("POSTs /oauth-apps/{id}/restore, and re-reads the applications whether it worked or not", async () => {
    for (const status of [200, 409]) {
      const { client, calls, wrapper } = setup(() =>
        status === 200
          ? Response.json({ id: "a1", revokedReason: null })
          : Response.json({ error: { code: "not_revoked", message: "Not revoked" } }, { status }),
      );
      const invalidate = vi.spyOn(client, "invalidateQueries");
      const { result } = renderHook(() => useRestoreOAuthApp(), { wrapper });
      act(() => result.current.mutate("a1"));
      await vi.waitFor(() => expect(result.current.isSuccess || result.current.isError).toBe(true));
      expect(result.current.isError).toBe(status === 409);
      expect(calls).toEqual([{ url: "/api/v1/oauth-apps/a1/restore", method: "POST", body: undefined }]);
      expect(invalidate).toHaveBeenCalledWith({ queryKey: oauthAppKeys.all });
    }
  });
});
