// @vitest-environment jsdom
import type { InfiniteData } from "@tanstack/react-query";
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { TWebhookPage } from "@/lib/client/webhooks-api";
import { webhookKeys } from "@/lib/queries/keys";
import { useWebhookListMutation } from "@/lib/queries/use-webhook-list-mutation";
import type { TWebhook } from "@/lib/validation/webhook";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

type TPages = InfiniteData<TWebhookPage, string | undefined>;
type TVars = { id: string; description: string };
const row = (id: string, description = "") => ({ id, description }) as TWebhook;

/** A promise each mutation waits on, settled by the test. */
function deferred() {
  let resolve: (value: string) => void = () => {};
  let reject: (error: Error) => void = () => {};
  const promise = new Promise<string>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Two cached lists (all, and failing only), plus a detail; a list mutation that edits a row's description. */
function setupLists() {
  const { client, wrapper } = setup(() => Response.json({ error: { code: "internal", message: "unexpected fetch" } }, { status: 500 }));
  const all = webhookKeys.list({});
  const failing = webhookKeys.list({ status: "failing" });
  client.setQueryData<TPages>(all, {
    pages: [
      { data: [row("a"), row("b")], nextCursor: "p2" },
      { data: [row("c")], nextCursor: null },
    ],
    pageParams: [undefined, "p2"],
  });
  client.setQueryData<TPages>(failing, { pages: [{ data: [row("b")], nextCursor: null }], pageParams: [undefined] });
  client.setQueryData(webhookKeys.detail("b"), row("b", "detail"));
  const pending = new Map<string, ReturnType<typeof deferred>>();
  const onError = vi.fn();
  const onSuccess = vi.fn();
  const { result } = renderHook(
    () =>
      useWebhookListMutation<TVars, string>({
        mutationFn: ({ id }) => {
          const d = deferred();
          pending.set(id, d);
          return d.promise;
        },
        idOf: ({ id }) => id,
        applyToPage: (page, { id, description }) => ({ ...page, data: page.data.map((w) => (w.id === id ? { ...w, description } : w)) }),
        onError,
        onSuccess,
      }),
    { wrapper },
  );
  const descriptions = (key: readonly unknown[]) => client.getQueryData<TPages>(key)?.pages.map((p) => p.data.map((w) => `${w.id}:${w.description}`));
  return { client, result, pending, onError, onSuccess, all, failing, descriptions };
}

describe("useWebhookListMutation", () => {
  it("applies the change to the row in every cached list at once, leaving details alone", async () => {
    const { client, result, pending, all, failing, descriptions } = setupLists();
    act(() => result.current.mutate({ id: "b", description: "edited" }));
    await vi.waitFor(() => expect(pending.has("b")).toBe(true));
    expect(descriptions(all)).toEqual([["a:", "b:edited"], ["c:"]]);
    expect(descriptions(failing)).toEqual([["b:edited"]]);
    expect(client.getQueryData(webhookKeys.detail("b"))).toEqual(row("b", "detail"));
  });

  it("on success calls onSuccess with the result and variables, and invalidates every webhook query", async () => {
    const { client, result, pending, onSuccess, all, descriptions } = setupLists();
    const invalidate = vi.spyOn(client, "invalidateQueries");
    act(() => result.current.mutate({ id: "c", description: "edited" }));
    await vi.waitFor(() => expect(pending.has("c")).toBe(true));
    await act(async () => pending.get("c")?.resolve("done"));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(onSuccess).toHaveBeenCalledWith("done", { id: "c", description: "edited" });
    expect(descriptions(all)).toEqual([["a:", "b:"], ["c:edited"]]);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: webhookKeys.all });
  });

  it("on error puts back only its own row, in every list, while another row's change in flight stays", async () => {
    const { client, result, pending, onError, all, failing, descriptions } = setupLists();
    const invalidate = vi.spyOn(client, "invalidateQueries");
    act(() => result.current.mutate({ id: "b", description: "edited-b" }));
    await vi.waitFor(() => expect(pending.has("b")).toBe(true));
    act(() => result.current.mutate({ id: "a", description: "edited-a" }));
    await vi.waitFor(() => expect(pending.has("a")).toBe(true));
    expect(descriptions(all)).toEqual([["a:edited-a", "b:edited-b"], ["c:"]]);
    const refusal = new Error("refused");
    await act(async () => pending.get("b")?.reject(refusal));
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(refusal, { id: "b", description: "edited-b" }));
    expect(descriptions(all)).toEqual([["a:edited-a", "b:"], ["c:"]]);
    expect(descriptions(failing)).toEqual([["b:"]]);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: webhookKeys.all });
  });

  it("puts a removed row back at its place in its page", async () => {
    const { client, wrapper } = setup(() => Response.json({}));
    const key = webhookKeys.list({});
    client.setQueryData<TPages>(key, {
      pages: [
        { data: [row("a")], nextCursor: "p2" },
        { data: [row("b"), row("c"), row("d")], nextCursor: null },
      ],
      pageParams: [undefined, "p2"],
    });
    const { result } = renderHook(
      () =>
        useWebhookListMutation<string, void>({
          mutationFn: async () => {
            throw new Error("refused");
          },
          idOf: (id) => id,
          applyToPage: (page, id) => ({ ...page, data: page.data.filter((w) => w.id !== id) }),
        }),
      { wrapper },
    );
    act(() => result.current.mutate("c"));
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(client.getQueryData<TPages>(key)?.pages.map((p) => p.data.map((w) => w.id))).toEqual([["a"], ["b", "c", "d"]]);
  });
});
