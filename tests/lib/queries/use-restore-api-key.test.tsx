// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { apiKeyKeys } from "@/lib/queries/keys";
import { useRestoreApiKey } from "@/lib/queries/use-restore-api-key";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useRestoreApiKey", () => {
  it("POSTs /api-keys/{id}/restore, and re-reads the key list whether it worked or not (a 409 names why)", async () => {
    for (const status of [200, 409]) {
      const { client, calls, wrapper } = setup(() =>
        status === 200
          ? Response.json({ id: "k1", revokedReason: null, createdBy: "bob@example.com" })
          : Response.json({ error: { code: "not_restorable", message: "revoked by an admin (by_admin)" } }, { status }),
      );
      const invalidate = vi.spyOn(client, "invalidateQueries");
      const { result } = renderHook(() => useRestoreApiKey(), { wrapper });
      act(() => result.current.mutate("k1"));
      await vi.waitFor(() => expect(result.current.isSuccess || result.current.isError).toBe(true));
      expect(calls).toEqual([{ url: "/api/v1/api-keys/k1/restore", method: "POST", body: undefined }]);
      if (status === 200) expect(result.current.data).toMatchObject({ createdBy: "bob@example.com" });
      else expect(result.current.error).toMatchObject({ status: 409, code: "not_restorable" });
      expect(invalidate).toHaveBeenCalledWith({ queryKey: apiKeyKeys.all });
    }
  });
});
