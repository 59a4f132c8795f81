import "server-only";
import { subscribeChanges } from "../db/change-feed";
import type { TLiveTopic } from "../live/topics";
import { ApiError } from "./api-error";

// GET /api/v1/live: Server-Sent Events telling an open admin page what changed in its workspace
// (lib/db/change-feed.ts), so it re-reads just those queries. One stream per browser tab.

/** A tab hears at most one message per this many ms, whatever the load: each message costs it a re-read. */
export const MIN_GAP_MS = 1_000;
/** A comment line this often keeps proxies and the browser from closing an idle stream. */
export const HEARTBEAT_MS = 25_000;
/** Streams one process serves at once; past it, 503 (each holds a socket and a listener). */
export const MAX_STREAMS = 1_000;

let open = 0;

const encoder = new TextEncoder();

export type TLiveStreamOptions = { minGapMs?: number; heartbeatMs?: number; maxStreams?: number };

/**
 * The stream of one page: `retry` (how long the browser waits before reconnecting), then a
 * `data: {"topics":[...]}` line per gathered change, never more often than MIN_GAP_MS. A reader that
 * does not keep up gets no backlog: what it missed is merged into its next message.
 */
export function liveStream(database: { url?: string }, workspaceId: string, signal: AbortSignal, options: TLiveStreamOptions = {}): Response {
  const { minGapMs = MIN_GAP_MS, heartbeatMs = HEARTBEAT_MS, maxStreams = MAX_STREAMS } = options;
  if (open >= maxStreams)
    throw new ApiError(503, "unavailable", `This server already serves ${maxStreams} live streams; try again later`, undefined, { "retry-after": "30" });
  open++;
  let pending = new Set<TLiveTopic>();
  let lastSentAt = 0;
  let timer: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let unsubscribe: () => void = () => {};
  let isClosed = false;

  const close = () => {
    if (isClosed) return;
    isClosed = true;
    open--;
    unsubscribe();
    if (timer) clearTimeout(timer);
    if (heartbeat) clearInterval(heartbeat);
  };

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (isClosed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close(); // the response is gone
        }
      };
      const send = () => {
        timer = null;
        // Not reading (a stalled client): keep the topics for the next try instead of queuing.
        if ((controller.desiredSize ?? 1) <= 0) {
          timer = setTimeout(send, minGapMs);
          return;
        }
        lastSentAt = Date.now();
        write(`data: ${JSON.stringify({ topics: [...pending] })}\n\n`);
        pending = new Set();
      };
      write(`retry: 2000\n: connected\n\n`);
      unsubscribe = subscribeChanges(database, workspaceId, (topics) => {
        for (const topic of topics) pending.add(topic);
        if (!timer) timer = setTimeout(send, Math.max(0, lastSentAt + minGapMs - Date.now()));
      });
      heartbeat = setInterval(() => write(": keep-alive\n\n"), heartbeatMs);
      signal.addEventListener("abort", () => {
        close();
        try {
          controller.close();
        } catch {}
      });
    },
    cancel: close,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: compression would hold the small messages back until a buffer fills.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}

/** Streams open in this process now (for tests and the bench). */
export function openLiveStreams(): number {
  return open;
}
