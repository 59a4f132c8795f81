import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { publishEvent } from "@/lib/delivery/publish-event";
import { createApiKey } from "@/lib/server/api-keys/api-keys";
import { createOAuthApp } from "@/lib/server/oauth/oauth-apps";
import { upsertProject } from "@/lib/server/projects/projects";
import { createUser } from "@/lib/server/users/create-user";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";
import { startReceiver } from "../helpers/receiver";
import { call, sessionCookie } from "../helpers/routes";

// Every write operation of the admin API leaves an audit entry: found by walking app/api/v1, so a
// route added later fails here until it records (or declares why it changes nothing: auditExempt).
// Each is called as it succeeds, by a signed-in operator admin from a known address, and the entry
// it leaves must name them and that address.

const ROOT = path.join(process.cwd(), "app", "api", "v1");
const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;
const ADDRESS = "198.51.100.7";
/** Reads that are recorded too: a secret shown is as much the log's business as a secret changed. */
const AUDITED_READS = new Set(["GET /webhooks/{id}/token"]);

type THandler = Parameters<typeof call>[0] & { operation: { method: string; path: string; auditExempt?: string } };

async function auditedOperations() {
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : []));
  const out = new Map<string, THandler>();
  for (const file of walk(ROOT)) {
    const route = path.relative(ROOT, file).replace(/\.ts$/, "");
    const mod = (await import(/* @vite-ignore */ `@/app/api/v1/${route}`)) as Record<string, THandler>;
    for (const method of METHODS) {
      const handler = mod[method];
      if (!handler?.operation) continue;
      const name = `${method} ${handler.operation.path}`;
      if ((method !== "GET" && !handler.operation.auditExempt) || AUDITED_READS.has(name)) out.set(name, handler);
    }
  }
  return out;
}

describe.each(TEST_DATABASES)("the audit sweep on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeEach(async () => {
    receiver = await startReceiver((_q, res) => res.end("ok"));
  });
  afterEach(() => receiver.close());

  it("every write operation, and the token reveal, leaves an entry naming who did it and from where", async () => {
    const prisma = db().prisma;
    const ctx = defaultWorkspaceContext(prisma);
    const operator = await createUser({ email: "op@example.com", password: "operator-password-1", role: "ADMIN" }, { isOperator: true });
    const other = await createUser({ email: "other@example.com", password: "other-password-1", role: "ADMIN" });
    const hook = async (enabled: boolean) => {
      const created = await createWebhook(ctx, { url: `${receiver.url}/h`, events: ["*"] });
      await prisma.webhook.update({ where: { id: created.id }, data: { enabled } });
      return created.id;
    };
    const onHook = await hook(true);
    const offHook = await hook(false);
    await upsertProject(ctx, { id: "p1", name: "Project one" });
    const event = await publishEvent(ctx, { event: "deals.created", data: {} });
    const delivery = await prisma.delivery.findFirstOrThrow({ where: { eventId: event.id, webhookId: onHook } });
    await prisma.delivery.update({ where: { id: delivery.id }, data: { status: "failed", completedAt: new Date() } });
    const key = await createApiKey(ctx, { name: "to revoke" }, null);
    const revokedKey = await createApiKey(ctx, { name: "to restore" }, null);
    await prisma.apiKey.update({ where: { id: revokedKey.id }, data: { revokedAt: new Date(), revokedFor: "creator_not_admin" } });
    const app = await createOAuthApp(ctx, { name: "App", redirectUris: ["http://127.0.0.1:9/cb"], scopes: ["administrative"] }, null);
    const doomedApp = await createOAuthApp(ctx, { name: "Doomed", redirectUris: ["http://127.0.0.1:9/cb"], scopes: ["administrative"] }, null);
    const revokedApp = await createOAuthApp(ctx, { name: "Revoked", redirectUris: ["http://127.0.0.1:9/cb"], scopes: ["administrative"] }, null);
    await prisma.oAuthApp.update({ where: { id: revokedApp.id }, data: { revokedAt: new Date(), revokedFor: "creator_not_admin" } });
    const token = await prisma.oAuthToken.create({
      data: {
        appId: app.id,
        accessTokenHash: "h",
        accessTokenExpiresAt: new Date(Date.now() + 3_600_000),
        scopes: ["administrative"],
        grantType: "client_credentials",
      },
    });
    const acme = await prisma.workspace.create({ data: { slug: "acme", name: "Acme" } });
    const doomed = await prisma.workspace.create({ data: { slug: "doomed", name: "Doomed" } });
    await prisma.membership.create({ data: { workspaceId: acme.id, userId: other.id, role: "MEMBER" } });

    // How each succeeds; a new audited operation without a line here fails the test below.
    const calls: Record<string, { params?: Record<string, string>; body?: unknown }> = {
      "POST /deliveries/redeliver": { body: { ids: [delivery.id] } },
      "POST /deliveries/{id}/redeliver": { params: { id: delivery.id } },
      "POST /webhooks/{id}/replay": { params: { id: onHook }, body: { since: "2020-01-01T00:00:00Z" } },
      "POST /webhooks": { body: { url: `${receiver.url}/new`, events: ["*"] } },
      "PATCH /webhooks/{id}": { params: { id: onHook }, body: { description: "Changed" } },
      "POST /webhooks/{id}/rotate-token": { params: { id: onHook }, body: {} },
      "GET /webhooks/{id}/token": { params: { id: onHook } },
      "POST /webhooks/test": { body: { url: `${receiver.url}/unsaved` } },
      "POST /webhooks/{id}/test": { params: { id: onHook }, body: {} },
      "POST /webhooks/{id}/disable": { params: { id: onHook } },
      "POST /webhooks/{id}/enable": { params: { id: offHook } },
      "DELETE /webhooks/{id}": { params: { id: onHook } },
      "POST /event-types": { body: { name: "things.made", description: "A thing was made", group: "Things" } },
      "PATCH /event-types/{name}": { params: { name: "things.made" }, body: { description: "A thing was made, again" } },
      "POST /projects": { body: { id: "p2", name: "Project two" } },
      "PATCH /projects/{id}": { params: { id: "p1" }, body: { name: "Project uno" } },
      "POST /api-keys": { body: { name: "new key" } },
      "DELETE /api-keys/{id}": { params: { id: key.id } },
      "POST /api-keys/{id}/restore": { params: { id: revokedKey.id } },
      "POST /admin-api-key/regenerate": {},
      "POST /oauth-apps": { body: { name: "New app", redirectUris: ["http://127.0.0.1:9/cb"], scopes: ["administrative"] } },
      "PATCH /oauth-apps/{id}": { params: { id: app.id }, body: { name: "Renamed app" } },
      "POST /oauth-apps/{id}/rotate-secret": { params: { id: app.id } },
      "POST /oauth-apps/{id}/restore": { params: { id: revokedApp.id } },
      "DELETE /oauth-tokens/{id}": { params: { id: token.id } },
      "DELETE /oauth-apps/{id}": { params: { id: doomedApp.id } },
      "POST /oauth-consent": {
        body: {
          response_type: "code",
          client_id: app.clientId,
          redirect_uri: "http://127.0.0.1:9/cb",
          code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
          code_challenge_method: "S256",
          decision: "deny",
        },
      },
      "POST /workspaces": { body: { name: "Made here" } },
      "PATCH /workspaces/{id}": { params: { id: acme.id }, body: { name: "Acme Corp" } },
      "POST /workspaces/{id}/members": { params: { id: acme.id }, body: { email: "other@example.com", role: "admin" } },
      "POST /workspaces/{id}/sign-in-links": { params: { id: acme.id }, body: { email: "new@example.com", role: "member" } },
      "DELETE /workspaces/{id}/members/{email}": { params: { id: acme.id, email: "other@example.com" } },
      "DELETE /workspaces/{id}": { params: { id: doomed.id } },
      "PATCH /account": { body: { notifyByEmail: false } },
      "POST /account/sign-out-everywhere": {},
      "POST /account/password": { body: { currentPassword: "operator-password-1", newPassword: "operator-password-2" } },
    };
    const operations = await auditedOperations();
    expect([...operations.keys()].sort()).toEqual(Object.keys(calls).sort());

    for (const [name, input] of Object.entries(calls)) {
      const handler = operations.get(name) as THandler;
      const before = await prisma.auditEntry.count();
      // A cookie at the user's current session version each time: two of these end the sessions before.
      const headers = { cookie: await sessionCookie(operator.id), origin: "http://localhost:3000", "x-forwarded-for": ADDRESS };
      const res = await call(handler, { method: handler.operation.method, params: input.params, body: input.body, headers });
      expect(res.status, `${name}: ${JSON.stringify(res.json)}`).toBeLessThan(300);
      const entries = await prisma.auditEntry.findMany({ orderBy: { at: "desc" }, take: (await prisma.auditEntry.count()) - before });
      expect(entries.length, `${name} left no audit entry`).toBeGreaterThan(0);
      expect(entries[0], name).toMatchObject({ actorKind: "user", actorId: operator.id, actorName: "op@example.com", address: ADDRESS });
    }
  });
});
