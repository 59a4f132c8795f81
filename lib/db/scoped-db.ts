import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { TLiveTopic } from "../live/topics";
import { announceChanges } from "./change-feed";

// A workspace's view of the database. Every query a request, page, CLI command or Worksection call
// makes goes through the client its context carries (lib/db/workspace-context.ts), and that client
// adds the workspace to the query itself: to `where` for reads, updates and deletes, and to `data`
// for creates. A handler cannot forget the filter, because it never writes it; an id of another
// workspace finds nothing, exactly as an id that does not exist.
//
// Raw SQL ($queryRaw) is not rewritten: the few raw queries of workspace data (the outbox, the
// log's stats) take the workspace id as a parameter from the same context, and the sweep in
// tests/api/cross-workspace.test.ts checks every operation against another workspace's data.

/** Models whose rows carry workspaceId. */
const OWN_COLUMN = new Set([
  "Webhook",
  "Event",
  "Delivery",
  "ApiKey",
  "OAuthApp",
  "OAuthToken",
  "OAuthCode",
  "AdminApiKey",
  "CustomEventType",
  "Project",
  "SignInLink",
  "DeliveryStat",
  "AuditEntry",
  "Notice",
]);
/** Models that belong to a workspace through a parent: the filter goes through that relation. */
const THROUGH: Record<string, string> = { Attempt: "delivery", ReapedLease: "delivery" };

const WHERE_OPERATIONS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
  "upsert",
]);

const WRITE_OPERATIONS = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
]);

/**
 * What a write to a model changes on the admin screens (lib/db/change-feed.ts): announced here, for
 * every write a context makes, so that no route can change what a page shows without the page
 * hearing of it. A webhook's name, URL and status show in the log too.
 */
const TOPICS_OF: Record<string, TLiveTopic[]> = {
  Webhook: ["webhooks", "deliveries"],
  Delivery: ["deliveries", "webhooks"],
  Attempt: ["deliveries"],
  Event: ["deliveries"],
};

/** The topics a query changes, none for a read. Exported for its unit test. */
export function changedTopics(model: string, operation: string): TLiveTopic[] {
  return WRITE_OPERATIONS.has(operation) ? (TOPICS_OF[model] ?? []) : [];
}

type TArgs = { where?: Record<string, unknown>; data?: unknown; create?: Record<string, unknown>; [other: string]: unknown };

function withWorkspace(data: unknown, workspaceId: string): unknown {
  return Array.isArray(data) ? data.map((d) => ({ ...d, workspaceId })) : { ...(data as object), workspaceId };
}

/** The arguments of one query, confined to `workspaceId`. Exported for its unit test. */
export function scopeArgs(model: string, operation: string, args: TArgs | undefined, workspaceId: string): TArgs {
  const scoped: TArgs = { ...(args ?? {}) };
  if (OWN_COLUMN.has(model)) {
    // Spread last: a caller's own workspaceId (another workspace's) cannot override it.
    if (WHERE_OPERATIONS.has(operation)) scoped.where = { ...(scoped.where ?? {}), workspaceId };
    if (operation === "create" || operation === "createMany" || operation === "createManyAndReturn") scoped.data = withWorkspace(scoped.data, workspaceId);
    if (operation === "upsert") scoped.create = { ...(scoped.create ?? {}), workspaceId };
    // An update that moved a row to another workspace would leak it there.
    if ((operation === "update" || operation === "updateMany" || operation === "updateManyAndReturn") && scoped.data && typeof scoped.data === "object")
      scoped.data = { ...(scoped.data as object), workspaceId };
    if (operation === "upsert") scoped.update = { ...((scoped.update as object | undefined) ?? {}), workspaceId };
    return scoped;
  }
  const parent = THROUGH[model];
  if (parent && WHERE_OPERATIONS.has(operation)) scoped.where = { ...(scoped.where ?? {}), [parent]: { is: { workspaceId } } };
  return scoped;
}

function extend(prisma: PrismaClient, workspaceId: string) {
  return prisma.$extends({
    name: `workspace:${workspaceId}`,
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const result = await query(scopeArgs(model, operation, args as TArgs, workspaceId) as typeof args);
          const topics = changedTopics(model, operation);
          if (topics.length > 0) announceChanges(prisma, workspaceId, topics);
          return result;
        },
      },
    },
  });
}

export type TScopedDb = ReturnType<typeof extend>;

// One extended client per workspace and database, reused across requests (a few hundred bytes
// each); bounded so that 10,000 workspaces touched once do not stay in memory for ever.
const MAX_CACHED = 1_000;
const cache = new WeakMap<PrismaClient, Map<string, TScopedDb>>();

/** The database as `workspaceId` sees it. */
export function scopedDb(prisma: PrismaClient, workspaceId: string): TScopedDb {
  let byWorkspace = cache.get(prisma);
  if (!byWorkspace) {
    byWorkspace = new Map();
    cache.set(prisma, byWorkspace);
  }
  let db = byWorkspace.get(workspaceId);
  if (db) {
    // Most recently used last, so the oldest is the first key when the map is full.
    byWorkspace.delete(workspaceId);
    byWorkspace.set(workspaceId, db);
    return db;
  }
  db = extend(prisma, workspaceId);
  if (byWorkspace.size >= MAX_CACHED) byWorkspace.delete(byWorkspace.keys().next().value as string);
  byWorkspace.set(workspaceId, db);
  return db;
}

/** A transaction of a workspace's client: queries in it are scoped the same way. */
export type TScopedTx = Omit<TScopedDb, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
