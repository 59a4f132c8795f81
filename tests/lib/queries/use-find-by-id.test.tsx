// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useFindDelivery } from "@/lib/queries/use-find-delivery";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const C = "00000000-0000-4000-8000-00000000000c";

/** The API knows only the deliveries in `known`. */
const knowing = (known: string[]) => (url: string) =>
  known.some((id) => url.endsWith(`/deliveries/${id}`))
    ? Response.json({ id: url.split("/").pop(), status: "succeeded" })
    : Response.json({ error: { code: "not_found", message: "No such delivery" } }, { status: 404 });

describe("useFindDelivery", () => {
  it("tries the candidates in order and answers the first that is a delivery, reading no further", async () => {
    const { calls, wrapper } = setup(knowing([B, C]));
    const { result } = renderHook(() => useFindDelivery(), { wrapper });
    act(() => result.current.mutate([A, B, C]));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toBe(B);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([`GET /api/v1/deliveries/${A}`, `GET /api/v1/deliveries/${B}`]);
  });

  it("answers the first candidate when none is a delivery", async () => {
    const { calls, wrapper } = setup(knowing([]));
    const { result } = renderHook(() => useFindDelivery(), { wrapper });
    act(() => result.current.mutate([A, B]));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toBe(A);
    expect(calls).toHaveLength(2);
  });

  it("answers undefined for no candidates, reading nothing", async () => {
    const { calls, wrapper } = setup(knowing([]));
    const { result } = renderHook(() => useFindDelivery(), { wrapper });
    act(() => result.current.mutate([]));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toBeUndefined();
    expect(calls).toHaveLength(0);
  });
});
