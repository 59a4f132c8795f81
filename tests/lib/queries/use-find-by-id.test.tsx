// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useFindById } from "@/lib/queries/use-find-by-id";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const C = "00000000-0000-4000-8000-00000000000c";

/** The API knows only the deliveries and events given. */
const knowing =
  ({ deliveries = [], events = [] }: { deliveries?: string[]; events?: string[] }) =>
  (url: string) =>
    deliveries.some((id) => url.endsWith(`/deliveries/${id}`)) || events.some((id) => url.endsWith(`/events/${id}`))
      ? Response.json({ id: url.split("/").pop() })
      : Response.json({ error: { code: "not_found", message: "Not found" } }, { status: 404 });

async function find(api: ReturnType<typeof knowing>, candidates: string[]) {
  const { calls, wrapper } = setup(api);
  const { result } = renderHook(() => useFindById(), { wrapper });
  act(() => result.current.mutate(candidates));
  await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
  return { found: result.current.data, calls: calls.map((c) => `${c.method} ${c.url}`) };
}

describe("useFindById", () => {
  it("tries the candidates in order as deliveries and answers the first found, reading no further", async () => {
    const { found, calls } = await find(knowing({ deliveries: [B, C] }), [A, B, C]);
    expect(found).toEqual({ kind: "delivery", id: B });
    expect(calls).toEqual([`GET /api/v1/deliveries/${A}`, `GET /api/v1/deliveries/${B}`]);
  });

  it("a delivery anywhere in the line wins over an event; with none, the first event", async () => {
    expect((await find(knowing({ deliveries: [C], events: [A] }), [A, B, C])).found).toEqual({ kind: "delivery", id: C });
    const { found, calls } = await find(knowing({ events: [B] }), [A, B]);
    expect(found).toEqual({ kind: "event", id: B });
    expect(calls).toEqual([`GET /api/v1/deliveries/${A}`, `GET /api/v1/deliveries/${B}`, `GET /api/v1/events/${A}`, `GET /api/v1/events/${B}`]);
  });

  it("answers null when nothing is found, and for no candidates reads nothing", async () => {
    expect((await find(knowing({}), [A])).found).toBeNull();
    const { found, calls } = await find(knowing({}), []);
    expect(found).toBeNull();
    expect(calls).toEqual([]);
  });
});
