// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { setRenderedWorkspace } from "@/lib/client/api-client";
import { deliveryKeys, webhookKeys } from "@/lib/queries/keys";
import type { TLiveListener } from "@/lib/queries/live-context";
import { useLiveStream } from "@/lib/queries/use-live-stream";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

// jsdom has no EventSource: a stand-in that the test drives as the server would (the real one runs
// in tests/e2e/live.spec.ts against the real stream).
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static all: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.all.push(this);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
}

let visibility: DocumentVisibilityState = "visible";
Object.defineProperty(document, "visibilityState", { get: () => visibility, configurable: true });
const setVisibility = (v: DocumentVisibilityState) => {
  visibility = v;
  document.dispatchEvent(new Event("visibilitychange"));
};
// The files of a worker may share a document: give it back its own visibilityState.
afterAll(() => {
  Reflect.deleteProperty(document, "visibilityState");
});
afterEach(() => {
  FakeEventSource.all = [];
  visibility = "visible";
  setRenderedWorkspace(null);
});

function start() {
  vi.stubGlobal("EventSource", FakeEventSource);
  const { client, wrapper } = setup(() => Response.json({}));
  const heard: string[][] = [];
  const listeners = new Set<TLiveListener>([(topics) => heard.push([...topics])]);
  for (const key of [webhookKeys.detail("w1"), deliveryKeys.detail("d1"), deliveryKeys.list({})]) client.setQueryData(key, { seen: true });
  const stale = () =>
    client
      .getQueryCache()
      .getAll()
      .filter((q) => q.isStale())
      .map((q) => JSON.stringify(q.queryKey))
      .sort();
  const view = renderHook(() => useLiveStream(listeners), { wrapper });
  return { heard, stale, view, source: () => FakeEventSource.all.at(-1) as FakeEventSource };
}

describe("useLiveStream", () => {
  it("opens one stream for the page's workspace; each message re-reads its topics' queries (never the log's pages) and tells the listeners", () => {
    setRenderedWorkspace("ws-1");
    const { heard, stale, source } = start();
    expect(FakeEventSource.all).toHaveLength(1);
    expect(source().url).toBe("/api/v1/live?workspace=ws-1");
    act(() => source().onmessage?.({ data: '{"topics":["deliveries"]}' }));
    expect(stale()).toEqual([JSON.stringify(deliveryKeys.detail("d1"))]);
    expect(heard).toEqual([["deliveries"]]);
    act(() => source().onmessage?.({ data: '{"topics":["webhooks"]}' }));
    expect(stale()).toEqual([JSON.stringify(deliveryKeys.detail("d1")), JSON.stringify(webhookKeys.detail("w1"))].sort());
    act(() => source().onmessage?.({ data: "garbage" }));
    expect(heard).toHaveLength(2);
  });

  it("re-reads everything when it opens; closes while the tab is hidden and opens again when it is back", () => {
    const { heard, source, view } = start();
    act(() => source().onopen?.());
    expect(heard).toEqual([["deliveries", "webhooks"]]);
    const first = source();
    act(() => setVisibility("hidden"));
    expect(first.readyState).toBe(FakeEventSource.CLOSED);
    act(() => setVisibility("visible"));
    expect(FakeEventSource.all).toHaveLength(2);
    view.unmount();
    expect(source().readyState).toBe(FakeEventSource.CLOSED);
  });

  it("asks again 10 s after the server refused the stream (CLOSED), and leaves retries of a dropped one to the browser", () => {
    vi.useFakeTimers();
    const { source } = start();
    act(() => source().onerror?.()); // CONNECTING: the browser retries
    expect(FakeEventSource.all).toHaveLength(1);
    source().readyState = FakeEventSource.CLOSED;
    act(() => source().onerror?.());
    act(() => vi.advanceTimersByTime(9_000));
    expect(FakeEventSource.all).toHaveLength(1);
    act(() => vi.advanceTimersByTime(1_000));
    expect(FakeEventSource.all).toHaveLength(2);
  });
});
