// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useConsent } from "@/lib/queries/use-consent";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

const REQUEST = {
  response_type: "code" as const,
  client_id: "hlc_x",
  redirect_uri: "https://a.example/cb",
  state: "s",
  code_challenge: "c".repeat(43),
  code_challenge_method: "S256" as const,
};

describe("useConsent", () => {
  it("POSTs the decision and exposes where the browser goes next", async () => {
    const { calls, wrapper } = setup(() => Response.json({ redirectTo: "https://a.example/cb?error=access_denied&state=s" }));
    const { result } = renderHook(() => useConsent(), { wrapper });
    act(() => result.current.mutate({ ...REQUEST, decision: "deny" }));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/oauth-consent", method: "POST", body: { ...REQUEST, decision: "deny" } }]);
    expect(result.current.data?.redirectTo).toContain("error=access_denied");
  });
});
