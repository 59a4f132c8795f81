// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useRevealAdminApiKey } from "@/lib/queries/use-reveal-admin-api-key";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useRevealAdminApiKey", () => {
  it("GETs /admin-api-key on demand and keeps the secret out of the query cache", async () => {
    const key = { key: "0123456789abcdef0123456789abcdef", createdAt: "2026-11-30T10:00:00.000Z" };
    const { client, calls, wrapper } = setup(() => Response.json(key));
    const { result } = renderHook(() => useRevealAdminApiKey(), { wrapper });
    expect(calls).toHaveLength(0);
    act(() => result.current.mutate());
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/admin-api-key", method: "GET", body: undefined }]);
    expect(result.current.data).toEqual(key);
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });

  it("exposes 'none made yet'", async () => {
    const { wrapper } = setup(() =>
      Response.json({ error: { code: "not_found", message: "Administrative API key (none has been made yet) not found" } }, { status: 404 }),
    );
    const { result } = renderHook(() => useRevealAdminApiKey(), { wrapper });
    act(() => result.current.mutate());
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 404, code: "not_found" });
  });
});
