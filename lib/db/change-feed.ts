import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { decodeChanges, encodeChanges, LIVE_TOPICS, type TLiveTopic } from "../live/topics";
import { processGlobals } from "../process-globals";
import { keepConnected } from "./persistent-connection";
import { isSingleConnection } from "./single-connection";

// What changed in which workspace, for the admin screens' live stream (lib/api/live-stream.ts).
// Writers announce (the workspace's scoped client does it for every write it makes, the delivery
// engine for its own SQL); announcements gather for GATHER_MS and then go out at once: on PostgreSQL
// as one NOTIFY on CHANGES_CHANNEL that every app process LISTENs to while it has a page open (so a
// change made by any process, a worker or another app, reaches every page), on the embedded database
// straight to this process's listeners (one process holds it). A NOTIFY is a hint, never the data:
// a page re-reads through the API.

export const CHANGES_CHANNEL = "hookline_changes";
/** Announcements gather this long: at most one NOTIFY per process per GATHER_MS, however busy. */
export const GATHER_MS = 100;
/** Bytes per NOTIFY payload (PostgreSQL refuses 8,000 and more): more workspaces, more payloads. */
const MAX_PAYLOAD = 7_000;

type TChanges = Map<string, Set<TLiveTopic>>;
export type TChangeListener = (topics: ReadonlySet<TLiveTopic>) => void;
type TFeed = {
  pending: Map<PrismaClient, TChanges>;
  timer: NodeJS.Timeout | null;
  listeners: Map<string, Set<TChangeListener>>;
  /** The LISTEN session, kept while anyone in this process listens on PostgreSQL. */
  listening: Promise<() => Promise<void>> | null;
};

declare module "../process-globals" {
  interface TProcessGlobals {
    /** Announced changes and who listens for them (lib/db/change-feed.ts): one per process, as the pages and the worker share it. */
    changeFeed?: TFeed;
  }
}

function feed(): TFeed {
  const globals = processGlobals();
  globals.changeFeed ??= { pending: new Map(), timer: null, listeners: new Map(), listening: null };
  return globals.changeFeed;
}

const log = (m: string) => console.error(`[hookline] live updates: ${m}`);

function dispatch(changes: TChanges): void {
  const { listeners } = feed();
  for (const [workspaceId, topics] of changes) for (const listener of listeners.get(workspaceId) ?? []) listener(topics);
}

/** Every listener hears every topic: after a gap in which changes may have gone unheard. */
function dispatchAll(): void {
  const all = new Set<TLiveTopic>(LIVE_TOPICS);
  for (const set of feed().listeners.values()) for (const listener of set) listener(all);
}

/** Payload lines packed into as few NOTIFY payloads as fit. Exported for its unit test. */
export function packPayloads(lines: string[], maxBytes = MAX_PAYLOAD): string[] {
  const payloads: string[] = [];
  let current = "";
  for (const line of lines) {
    if (current && Buffer.byteLength(current) + 1 + Buffer.byteLength(line) > maxBytes) {
      payloads.push(current);
      current = "";
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) payloads.push(current);
  return payloads;
}

async function flush(): Promise<void> {
  const state = feed();
  state.timer = null;
  const batches = [...state.pending];
  state.pending = new Map();
  for (const [prisma, changes] of batches) {
    if (isSingleConnection(prisma)) {
      dispatch(changes);
      continue;
    }
    try {
      const payloads = packPayloads(encodeChanges(changes));
      await prisma.$executeRaw`select pg_notify(${CHANGES_CHANNEL}, p) from unnest(${payloads}::text[]) as p`;
    } catch {
      // The database is unreachable (or this client closed): this process's own pages still hear
      // of it; the others re-read everything when their LISTEN session comes back.
      dispatch(changes);
    }
  }
}

/** Says that `topics` changed in a workspace; cheap to call for every write (gathered, see above). */
export function announceChanges(prisma: PrismaClient, workspaceId: string, topics: readonly TLiveTopic[]): void {
  const state = feed();
  let changes = state.pending.get(prisma);
  if (!changes) {
    changes = new Map();
    state.pending.set(prisma, changes);
  }
  const known = changes.get(workspaceId) ?? new Set<TLiveTopic>();
  for (const topic of topics) known.add(topic);
  changes.set(workspaceId, known);
  if (!state.timer) {
    state.timer = setTimeout(() => void flush(), GATHER_MS);
    state.timer.unref();
  }
}

/** Forgets what `prisma` announced but has not sent: it is closing (a NOTIFY now would reconnect it). */
export function discardChanges(prisma: PrismaClient): void {
  feed().pending.delete(prisma);
}

/** announceChanges for each workspace of `rows` once (the delivery engine's batches). */
export function announceWorkspaces(prisma: PrismaClient, rows: readonly { workspaceId: string }[], topics: readonly TLiveTopic[]): void {
  for (const workspaceId of new Set(rows.map((r) => r.workspaceId))) announceChanges(prisma, workspaceId, topics);
}

function listenerCount(): number {
  let n = 0;
  for (const set of feed().listeners.values()) n += set.size;
  return n;
}

/**
 * Calls `listener` with the topics of each change announced in the workspace, by any process; the
 * returned function stops it. `database.url` (PostgreSQL) opens this process's LISTEN session with
 * the first listener and closes it with the last.
 */
export function subscribeChanges(database: { url?: string }, workspaceId: string, listener: TChangeListener): () => void {
  const state = feed();
  const set = state.listeners.get(workspaceId) ?? new Set<TChangeListener>();
  set.add(listener);
  state.listeners.set(workspaceId, set);
  if (database.url && !state.listening) {
    state.listening = keepConnected(database.url, {
      what: "LISTEN",
      log,
      setUp: async (client) => {
        client.on("notification", (message) => {
          if (message.channel === CHANGES_CHANNEL) dispatch(decodeChanges(message.payload ?? ""));
        });
        await client.query(`listen ${CHANGES_CHANNEL}`);
      },
      onConnected: (isReconnect) => {
        if (isReconnect) dispatchAll();
      },
    });
  }
  let isSubscribed = true;
  return () => {
    if (!isSubscribed) return;
    isSubscribed = false;
    set.delete(listener);
    if (set.size === 0 && state.listeners.get(workspaceId) === set) state.listeners.delete(workspaceId);
    if (listenerCount() === 0 && state.listening) {
      const stopping = state.listening;
      state.listening = null;
      void stopping.then((stop) => stop());
    }
  };
}
