// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { oauthAppKeys } from "@/lib/queries/keys";
import { useDeleteOAuthApp } from "@/lib/queries/use-delete-oauth-app";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useDeleteOAuthApp", () => {
  it("DELETEs /oauth-apps/{id}, and re-reads the applications whether it worked or not", async () => {
    for (const status of [204, 404]) {
      const { client, calls, wrapper } = setup(() =>
        status === 204 ? new Response(null, { status }) : Response.json({ error: { code: "not_found", message: "Gone" } }, { status }),
      );
      const invalidate = vi.spyOn(client, "invalidateQueries");
      const { result } = renderHook(() => useDeleteOAuthApp(), { wrapper });
      act(() => result.current.mutate("x1"));
      await vi.waitFor(() => expect(result.current.isSuccess || result.current.isError).toBe(true));
      expect(result.current.isError).toBe(status === 404);
      expect(calls).toEqual([{ url: "/api/v1/oauth-apps/x1", method: "DELETE", body: undefined }]);
      expect(invalidate).toHaveBeenCalledWith({ queryKey: oauthAppKeys.all });
    }
  });
});
