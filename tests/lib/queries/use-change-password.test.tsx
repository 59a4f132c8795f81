// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useChangePassword } from "@/lib/queries/use-change-password";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useChangePassword", () => {
  it("POSTs /account/password with both passwords", async () => {
    const { calls, wrapper } = setup(() => new Response(null, { status: 204 }));
    const { result } = renderHook(() => useChangePassword(), { wrapper });
    act(() => result.current.mutate({ currentPassword: "old-password-1", newPassword: "new-password-22" }));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/account/password", method: "POST", body: { currentPassword: "old-password-1", newPassword: "new-password-22" } }]);
  });
});
