// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useSignOutEverywhere } from "@/lib/queries/use-sign-out-everywhere";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useSignOutEverywhere", () => {
  it("POSTs /account/sign-out-everywhere", async () => {
    const { calls, wrapper } = setup(() => new Response(null, { status: 204 }));
    const { result } = renderHook(() => useSignOutEverywhere(), { wrapper });
    act(() => result.current.mutate(undefined));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/account/sign-out-everywhere", method: "POST", body: undefined }]);
  });
});
