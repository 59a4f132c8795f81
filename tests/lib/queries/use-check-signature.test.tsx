// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useCheckSignature } from "@/lib/queries/use-check-signature";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useCheckSignature", () => {
  it("POSTs the secret, signature and body to /deliveries/{id}/check-signature and exposes the verdict", async () => {
    const verdict = { isValid: false, reason: "wrong secret" };
    const { client, calls, wrapper } = setup(() => Response.json(verdict));
    const { result } = renderHook(() => useCheckSignature("d1"), { wrapper });
    const body = { secret: "whsec_x", signature: "v1,abc", body: "{}" };
    act(() => result.current.mutate(body));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/deliveries/d1/check-signature", method: "POST", body }]);
    expect(result.current.data).toEqual(verdict);
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });

  it("exposes a refusal with its field issues", async () => {
    const issues = [{ path: "signature", message: "Required" }];
    const { wrapper } = setup(() => Response.json({ error: { code: "validation_failed", message: "Invalid body", issues } }, { status: 400 }));
    const { result } = renderHook(() => useCheckSignature("d1"), { wrapper });
    act(() => result.current.mutate({ secret: "whsec_x", signature: "" }));
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 400, code: "validation_failed", issues });
  });
});
