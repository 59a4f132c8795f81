// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useEnablesTesting } from "@/lib/queries/use-enables-testing";
import { useToggleWebhook } from "@/lib/queries/use-toggle-webhook";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useEnablesTesting", () => {
  it("names the webhooks whose enable is in flight (not those being disabled), until the server answers", async () => {
    let answer: (r: Response) => void = () => {};
    const { wrapper } = setup(() => new Promise<Response>((resolve) => (answer = resolve)));
    const { result } = renderHook(() => ({ toggle: useToggleWebhook(), testing: useEnablesTesting() }), { wrapper });
    expect(result.current.testing.size).toBe(0);
    act(() => result.current.toggle.mutate({ id: "w1", isEnabled: true }));
    await vi.waitFor(() => expect([...result.current.testing]).toEqual(["w1"]));
    act(() => answer(Response.json({ id: "w1", enabled: true })));
    await vi.waitFor(() => expect(result.current.testing.size).toBe(0));
    act(() => result.current.toggle.mutate({ id: "w2", isEnabled: false }));
    await vi.waitFor(() => expect(result.current.toggle.isPending).toBe(true));
    expect(result.current.testing.size).toBe(0);
  });
});
