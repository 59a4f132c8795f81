// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { webhookKeys } from "@/lib/queries/keys";
import { useCreateWebhook } from "@/lib/queries/use-create-webhook";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

const body = { url: "https://example.com/in", events: ["build.finished"] };

describe("useCreateWebhook", () => {
  it("POSTs the body, exposes the token shown once, and invalidates every webhook query", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ id: "w1", ...body, token: "whsec_x" }, { status: 201 }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useCreateWebhook(), { wrapper });
    act(() => result.current.mutate(body));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/webhooks", method: "POST", body }]);
    expect(result.current.data).toMatchObject({ id: "w1", token: "whsec_x" });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: webhookKeys.all });
  });

  it("leaves the cache alone when the server refuses, exposing the field issues", async () => {
    const issues = [{ path: "url", message: "Must be https" }];
    const { client, wrapper } = setup(() => Response.json({ error: { code: "validation_failed", message: "Invalid body", issues } }, { status: 422 }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useCreateWebhook(), { wrapper });
    act(() => result.current.mutate({ ...body, url: "http://example.com" }));
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ name: "ApiClientError", status: 422, code: "validation_failed", message: "Invalid body", issues });
    expect(invalidate).not.toHaveBeenCalled();
  });
});
