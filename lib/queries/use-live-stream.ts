import { type Query, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { liveStreamUrl } from "../client/api-client";
import { LIVE_TOPICS, parseLiveMessage, type TLiveTopic } from "../live/topics";
import { deliveryKeys, webhookKeys } from "./keys";
import type { TLiveListener } from "./live-context";

/** After the server refused the stream (signed out, no longer an admin), try again this much later. */
const REOPEN_AFTER_MS = 10_000;

const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) => prefix.every((part, i) => key[i] === part);
// The log's pages are left to the log (useLiveTopic): re-reading them would move rows under the pointer.
const isLogPage = (query: Query) => startsWith(query.queryKey, deliveryKeys.lists());

/**
 * This tab's one stream of GET /api/v1/live while the page is visible: each message re-reads the
 * queries of the topics it names (webhooks, deliveries) and tells `listeners`. Closed while the tab
 * is hidden; each time it opens (first, back from hidden, after a gap) everything is re-read once.
 */
export function useLiveStream(listeners: Set<TLiveListener>): void {
  const queryClient = useQueryClient();
  const listenersRef = useRef(listeners);
  listenersRef.current = listeners;

  useEffect(() => {
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | null = null;

    const changed = (topics: ReadonlySet<TLiveTopic>) => {
      if (topics.has("webhooks")) void queryClient.invalidateQueries({ queryKey: webhookKeys.all });
      if (topics.has("deliveries")) void queryClient.invalidateQueries({ queryKey: deliveryKeys.all, predicate: (q) => !isLogPage(q) });
      for (const listener of listenersRef.current) listener(topics);
    };
    const close = () => {
      source?.close();
      source = null;
      if (reopen) clearTimeout(reopen);
      reopen = null;
    };
    const open = () => {
      if (source || document.visibilityState !== "visible") return;
      const s = new EventSource(liveStreamUrl());
      source = s;
      // Whatever changed before the stream was open (since the page's first reads, or during a gap)
      // went unheard: re-read once on every open.
      s.onopen = () => changed(new Set(LIVE_TOPICS));
      s.onmessage = (message) => {
        const parsed = parseLiveMessage(String(message.data));
        if (parsed) changed(new Set(parsed.topics));
      };
      s.onerror = () => {
        // CONNECTING: the browser retries by itself. CLOSED: the server said no; ask again later.
        if (s.readyState === EventSource.CLOSED && source === s) {
          source = null;
          reopen = setTimeout(open, REOPEN_AFTER_MS);
        }
      };
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") open();
      else close();
    };
    open();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      close();
    };
  }, [queryClient]);
}
