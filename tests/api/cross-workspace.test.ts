import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { installationContext, workspaceContext } from "@/lib/db/workspace-context";
import { publishEvent } from "@/lib/delivery/publish-event";
import { createApiKey } from "@/lib/server/api-keys/api-keys";
import { createEventType } from "@/lib/server/event-types/event-types";
import { createOAuthApp } from "@/lib/server/oauth/oauth-apps";
import { upsertProject } from "@/lib/server/projects/projects";
import { createUser } from "@/lib/server/users/create-user";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { createWorkspace } from "@/lib/server/workspaces/workspaces";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";
import { call, defaultCtx, sessionCookie } from "../helpers/routes";

// Workspace B's credentials against workspace A's rows, for every operation of a workspace found by
// walking app/api/v1: each must answer exactly as it does for an id that does not exist, list none
// of A's rows, and change nothing of A's. A route added later is swept with no list to update here.

const ROOT = path.join(process.cwd(), "app", "api", "v1");
const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;
const ORIGIN = "http://localhost:3000";

function routeFiles(dir = ROOT): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [path.relative(ROOT, full)] : [];
  });
}

type THandler = Parameters<typeof call>[0] & { operation: { level?: string; isSessionOnly?: boolean; path: string } };

async function workspaceHandlers() {
  const out: { name: string; file: string; method: string; handler: THandler }[] = [];
  for (const file of routeFiles()) {
    const mod = (await import(`@/app/api/v1/${file.replace(/\.ts$/, "")}`)) as Record<string, THandler>;
    for (const method of METHODS) {
      const handler = mod[method];
      // The installation's operations (workspaces, the session's switcher) are not a workspace's.
      if (handler?.operation && (handler.operation.level ?? "workspace") === "workspace")
        out.push({ name: `${method} /api/v1${handler.operation.path}`, file, method, handler });
    }
  }
  return out;
}

/** Workspace A (Default) with one of everything, and workspace B with its own admin, key and session. */
async function twoWorkspaces() {
  const a = await defaultCtx();
  await upsertProject(a, { id: "p1", name: "A's project" });
  await createEventType(a, { name: "a.thing", description: "Only A has it", group: "A" });
  const webhook = await createWebhook(a, { url: "http://127.0.0.1:9/a", events: ["*"] });
  await a.prisma.webhook.update({ where: { id: webhook.id }, data: { enabled: true } });
  const event = await publishEvent(a, { event: "deals.created", projectId: "p1", data: { secret: "A's data" } });
  const delivery = await a.prisma.delivery.findFirstOrThrow({ where: { eventId: event.id } });
  const aKey = await createApiKey(a, { name: "A's key" }, null);
  const app = await createOAuthApp(a, { name: "A's app", redirectUris: ["http://127.0.0.1:9/cb"], scopes: ["administrative"] }, null);
  const token = await a.prisma.oAuthToken.create({
    data: {
      appId: app.id,
      accessTokenHash: randomUUID(),
      accessTokenExpiresAt: new Date(Date.now() + 3_600_000),
      scopes: ["administrative"],
      grantType: "client_credentials",
    },
  });
  const operator = { kind: "system", reason: "test" } as const;
  const b = await createWorkspace(installationContext(a.prisma, operator), { name: "B" });
  const bCtx = workspaceContext(a.prisma, b, operator);
  const bAdmin = await createUser({ email: "b-admin@example.com", password: "b-admin-password-1", role: "ADMIN" }, { workspaceId: b.id });
  const bKey = (await createApiKey(bCtx, { name: "B's key" }, null)).key;
  const ids: Record<string, string> = {
    webhooks: webhook.id,
    deliveries: delivery.id,
    events: event.id,
    "api-keys": aKey.id,
    "oauth-apps": app.id,
    "oauth-tokens": token.id,
    projects: "p1",
    "event-types": "a.thing",
  };
  return {
    a,
    ids,
    bKey,
    bCookie: await sessionCookie(bAdmin.id),
    aSecrets: ["A's data", "A's project", "a.thing", "A's key", "A's app", webhook.id, delivery.id, event.id],
  };
}

// Bodies that pass validation, so that these reach the lookup of the id (an empty one would be refused first).
const VALID_BODIES: Record<string, unknown> = {
  "POST /api/v1/deliveries/{id}/check-signature": { secret: "whsec_x", signature: "v1,abc" },
  "POST /api/v1/webhooks/{id}/replay": { since: "2020-01-01T00:00:00Z" },
  "PATCH /api/v1/projects/{id}": { name: "Renamed by B" },
  "PATCH /api/v1/event-types/{name}": { description: "Changed by B" },
  "PATCH /api/v1/webhooks/{id}": { description: "Changed by B" },
  "PATCH /api/v1/oauth-apps/{id}": { name: "Renamed by B" },
};

/** Every row of A's, as a fingerprint: nothing B does may change it. */
async function snapshot(ctx: Awaited<ReturnType<typeof defaultCtx>>) {
  const db = ctx.prisma;
  const where = { workspaceId: DEFAULT_WORKSPACE_ID };
  return JSON.stringify([
    await db.webhook.findMany({ where, orderBy: { id: "asc" } }),
    await db.delivery.findMany({ where, orderBy: { id: "asc" }, include: { attempts: true } }),
    await db.event.findMany({ where, orderBy: { id: "asc" } }),
    await db.apiKey.findMany({ where, orderBy: { id: "asc" } }),
    await db.oAuthApp.findMany({ where, orderBy: { id: "asc" } }),
    await db.oAuthToken.findMany({ where, orderBy: { id: "asc" } }),
    await db.project.findMany({ where, orderBy: { id: "asc" } }),
    await db.customEventType.findMany({ where, orderBy: { name: "asc" } }),
  ]);
}

/** The ids a route's [params] name: A's real one, or one that exists nowhere. */
function paramsFor(file: string, ids: Record<string, string>, isReal: boolean): Record<string, string> {
  const resource = file.split("/")[0] ?? "";
  return Object.fromEntries(
    [...file.matchAll(/\[(\w+)\]/g)].map((m) => [
      m[1] as string,
      isReal ? (ids[resource] ?? randomUUID()) : resource === "projects" ? "no-such-project" : randomUUID(),
    ]),
  );
}

describe.each(TEST_DATABASES)("workspace isolation on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  it("B's key and B's admin session reach none of A's rows: every operation answers as for an id that does not exist, lists none of A's, changes nothing", async () => {
    const { a, ids, bKey, bCookie, aSecrets } = await twoWorkspaces();
    const before = await snapshot(a);
    const handlers = await workspaceHandlers();
    expect(handlers.length).toBeGreaterThan(25);
    for (const { name, file, method, handler } of handlers) {
      const body = method === "GET" || method === "DELETE" ? undefined : (VALID_BODIES[name] ?? {});
      const as = handler.operation.isSessionOnly ? { headers: { cookie: bCookie, origin: ORIGIN } } : { key: bKey };
      const onA = await call(handler, { method, body, params: paramsFor(file, ids, true), ...as });
      const text = JSON.stringify(onA.json);
      for (const secret of aSecrets) expect(text, `${name} shows A's ${secret}`).not.toContain(secret);
      if (!file.includes("[")) continue; // a list or a create: it ran in B, and showed nothing of A's
      const onNothing = await call(handler, { method, body, params: paramsFor(file, ids, false), ...as });
      expect({ status: onA.status, code: onA.json?.error?.code }, name).toEqual({ status: onNothing.status, code: onNothing.json?.error?.code });
      expect(onA.status, name).toBe(404);
    }
    expect(await snapshot(a)).toBe(before);
    expect(await db().prisma.webhook.count()).toBe(1);
  });
});
