// @vitest-environment jsdom
import { renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useOAuthApps } from "@/lib/queries/use-oauth-apps";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useOAuthApps", () => {
  it("reads the applications under oauthAppKeys.all", async () => {
    const { calls, wrapper } = setup(() => Response.json({ data: [{ id: "a1", name: "Reports" }] }));
    const { result } = renderHook(() => useOAuthApps(), { wrapper });
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual([{ id: "a1", name: "Reports" }]);
    expect(calls).toEqual([{ url: "/api/v1/oauth-apps", method: "GET", body: undefined }]);
  });
});
