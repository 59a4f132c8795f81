import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/api-error";
import { liveStream, openLiveStreams } from "@/lib/api/live-stream";
import { announceChanges } from "@/lib/db/change-feed";
import { processGlobals } from "@/lib/process-globals";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const aborts: AbortController[] = [];
// Inside each block, after its database's hooks: run before the database closes (hooks stack).
const abortAll = () => {
  for (const a of aborts.splice(0)) a.abort();
};
afterEach(abortAll);

/** Opens a stream and collects its text as it arrives. */
function open(database: { url?: string }, options: Parameters<typeof liveStream>[3] = {}) {
  const abort = new AbortController();
  aborts.push(abort);
  const response = liveStream(database, DEFAULT_WORKSPACE_ID, abort.signal, options);
  let text = "";
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      text += decoder.decode(value);
    }
  })();
  const messages = () => [...text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1] as string) as { topics: string[] });
  return { response, abort, text: () => text, messages };
}

const listeners = () => [...(processGlobals().changeFeed?.listeners.values() ?? [])].reduce((n, s) => n + s.size, 0);

describe.each(TEST_DATABASES)("the live stream on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  afterEach(abortAll);

  it("answers an event stream that names what changed, gathered, at most once per gap, and stops listening when aborted", async () => {
    const db = database();
    const stream = open(db, { minGapMs: 400 });
    expect(stream.response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(stream.response.headers.get("cache-control")).toBe("no-cache, no-transform");
    await expect.poll(stream.text).toContain("retry: 2000");
    await sleep(300); // PostgreSQL: LISTEN is up
    announceChanges(db.prisma, DEFAULT_WORKSPACE_ID, ["deliveries"]);
    await expect.poll(stream.messages, { timeout: 3_000 }).toEqual([{ topics: ["deliveries"] }]);
    // Two changes within the gap: one message, with both topics.
    announceChanges(db.prisma, DEFAULT_WORKSPACE_ID, ["webhooks"]);
    await sleep(150);
    announceChanges(db.prisma, DEFAULT_WORKSPACE_ID, ["deliveries"]);
    await expect.poll(() => stream.messages().length, { timeout: 3_000 }).toBe(2);
    expect(new Set(stream.messages()[1]?.topics)).toEqual(new Set(["webhooks", "deliveries"]));
    await sleep(600);
    expect(stream.messages()).toHaveLength(2);

    const before = openLiveStreams();
    expect(listeners()).toBe(1);
    stream.abort.abort();
    expect(openLiveStreams()).toBe(before - 1);
    expect(listeners()).toBe(0);
  });

  it("a reader that stops reading gets no backlog: what it missed is merged into one message when it reads again", async () => {
    const db = database();
    const abort = new AbortController();
    aborts.push(abort);
    const response = liveStream(db, DEFAULT_WORKSPACE_ID, abort.signal, { minGapMs: 20 });
    await sleep(300); // PostgreSQL: LISTEN is up
    for (let i = 0; i < 200; i++) {
      announceChanges(db.prisma, DEFAULT_WORKSPACE_ID, [i % 2 ? "webhooks" : "deliveries"]);
      await sleep(2);
    }
    await sleep(300);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = "";
    const deadline = Date.now() + 500;
    while (Date.now() < deadline) {
      const read = await Promise.race([reader.read(), sleep(100).then(() => null)]);
      if (!read || read.done) break;
      text += new TextDecoder().decode(read.value);
    }
    // Queued while unread: the stream's own buffer holds at most one message (desiredSize), not 200.
    expect(text.match(/^data: /gm)?.length ?? 0).toBeLessThanOrEqual(3);
  });
});

describe("the live stream's limits", () => {
  it("sends a comment line as a heartbeat, and refuses more streams than the cap with 503", async () => {
    const first = open({}, { heartbeatMs: 50, maxStreams: openLiveStreams() + 1 });
    await expect.poll(() => first.text().match(/: keep-alive/g)?.length ?? 0).toBeGreaterThan(1);
    let refused: unknown;
    try {
      open({}, { maxStreams: openLiveStreams() });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(503);
    first.abort.abort();
  });
});
