import { describe, expect, it } from "vitest";
import { POST as publishBatchRoute } from "@/app/api/v1/events/batch/route";
import { POST as publishRoute } from "@/app/api/v1/events/route";
import { POST as switchRoute } from "@/app/api/v1/session/workspace/route";
import { POST as createWebhookRoute, GET as getWebhooks } from "@/app/api/v1/webhooks/route";
import { DELETE as deleteWorkspaceRoute, GET as getWorkspaceRoute, PATCH as patchWorkspaceRoute } from "@/app/api/v1/workspaces/[id]/route";
import { POST as signInLinkRoute } from "@/app/api/v1/workspaces/[id]/sign-in-links/route";
import { POST as createWorkspaceRoute, GET as listWorkspacesRoute } from "@/app/api/v1/workspaces/route";
import { workspaceContext } from "@/lib/db/workspace-context";
import { createApiKey } from "@/lib/server/api-keys/api-keys";
import { createUser } from "@/lib/server/users/create-user";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { redeemSignInLink } from "@/lib/server/workspaces/sign-in-links";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";
import { call, defaultCtx, scopedKey, sessionCookie } from "../helpers/routes";

const ORIGIN = "http://localhost:3000";

describe.each(TEST_DATABASES)("the workspaces API on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const operatorKey = () => scopedKey(["operator"]);

  it("an operator creates, lists (keyset pages), reads by id or slug, renames and deletes workspaces", async () => {
    const key = await operatorKey();
    const created = await call(createWorkspaceRoute, { method: "POST", key, body: { name: "Acme Corp." } });
    expect(created).toMatchObject({ status: 201, json: { slug: "acme-corp", name: "Acme Corp.", maxInFlight: null } });
    const second = await call(createWorkspaceRoute, { method: "POST", key, body: { name: "Acme Corp." } });
    expect(second.json.slug).toBe("acme-corp-2");
    const taken = await call(createWorkspaceRoute, { method: "POST", key, body: { name: "X", slug: "acme-corp" } });
    expect(taken).toMatchObject({ status: 409, json: { error: { code: "conflict" } } });
    const bad = await call(createWorkspaceRoute, { method: "POST", key, body: { name: "X", slug: "Not A Slug!" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("slug");

    const first = await call(listWorkspacesRoute, { key, path: "/workspaces?limit=2" });
    expect(first.json.data.map((w: { slug: string }) => w.slug)).toEqual(["default", "acme-corp"]);
    const rest = await call(listWorkspacesRoute, { key, path: `/workspaces?limit=2&cursor=${first.json.nextCursor}` });
    expect(rest.json).toMatchObject({ data: [{ slug: "acme-corp-2" }], nextCursor: null });

    const bySlug = await call(getWorkspaceRoute, { key, params: { id: "acme-corp" } });
    expect(bySlug.json.id).toBe(created.json.id);
    const renamed = await call(patchWorkspaceRoute, { method: "PATCH", key, params: { id: created.json.id }, body: { name: "Acme", maxInFlight: 4 } });
    expect(renamed.json).toMatchObject({ name: "Acme", slug: "acme-corp", maxInFlight: 4 });

    expect((await call(deleteWorkspaceRoute, { method: "DELETE", key, params: { id: "acme-corp-2" } })).status).toBe(204);
    expect((await call(getWorkspaceRoute, { key, params: { id: "acme-corp-2" } })).status).toBe(404);
    const defaultGone = await call(deleteWorkspaceRoute, { method: "DELETE", key, params: { id: "default" }, path: "/x?force=true" });
    expect(defaultGone).toMatchObject({ status: 409, json: { error: { code: "default_workspace" } } });
  });

  it("deleting a workspace with webhooks is a 409 unless forced, and then takes everything in it", async () => {
    const key = await operatorKey();
    const { json: ws } = await call(createWorkspaceRoute, { method: "POST", key, body: { name: "Doomed" } });
    const ctx = workspaceContext(db().prisma, ws, { kind: "system", reason: "test" });
    await createWebhook(ctx, { url: "http://127.0.0.1:9/doomed", events: ["*"] });
    const refused = await call(deleteWorkspaceRoute, { method: "DELETE", key, params: { id: ws.id } });
    expect(refused).toMatchObject({ status: 409, json: { error: { code: "has_webhooks" } } });
    expect(refused.json.error.message).toContain("1 webhook");
    const forced = await call(deleteWorkspaceRoute, { method: "DELETE", key, params: { id: ws.id }, path: `/workspaces/${ws.id}?force=true` });
    expect(forced.status).toBe(204);
    expect(await db().prisma.webhook.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it("only operators manage workspaces: a workspace's administrative key and a non-operator admin get 403", async () => {
    const adminKey = await scopedKey(["administrative"]);
    expect((await call(listWorkspacesRoute, { key: adminKey })).json.error.code).toBe("insufficient_scope");
    const admin = await createUser({ email: "plain-admin@example.com", password: "plain-admin-password", role: "ADMIN" });
    const cookie = await sessionCookie(admin.id);
    expect((await call(createWorkspaceRoute, { method: "POST", body: { name: "X" }, headers: { cookie, origin: ORIGIN } })).status).toBe(403);
    const operator = await createUser({ email: "op@example.com", password: "operator-password-1", role: "ADMIN" }, { isOperator: true });
    const opCookie = await sessionCookie(operator.id);
    expect((await call(createWorkspaceRoute, { method: "POST", body: { name: "X" }, headers: { cookie: opCookie, origin: ORIGIN } })).status).toBe(201);
  });

  it("an operator key publishes into any workspace by id or slug; a workspace's key only into its own (403 naming another)", async () => {
    const key = await operatorKey();
    const { json: acme } = await call(createWorkspaceRoute, { method: "POST", key, body: { name: "Acme" } });
    const acmeCtx = workspaceContext(db().prisma, acme, { kind: "system", reason: "test" });
    const hook = await createWebhook(acmeCtx, { url: "http://127.0.0.1:9/acme", events: ["deals.created"] });
    await db().prisma.webhook.update({ where: { id: hook.id }, data: { enabled: true } });
    const defaultHook = await createWebhook(await defaultCtx(), { url: "http://127.0.0.1:9/default", events: ["deals.created"] });
    await db().prisma.webhook.update({ where: { id: defaultHook.id }, data: { enabled: true } });

    const bySlug = await call(publishRoute, { method: "POST", key, body: { event: "deals.created", data: { n: 1 }, workspace: "acme" } });
    expect(bySlug).toMatchObject({ status: 202, json: { deliveries: 1 } });
    const event = await db().prisma.event.findUniqueOrThrow({ where: { id: bySlug.json.id }, include: { deliveries: true } });
    expect(event.workspaceId).toBe(acme.id);
    expect(event.deliveries.map((d) => [d.webhookId, d.workspaceId])).toEqual([[hook.id, acme.id]]);
    const byId = await call(publishRoute, { method: "POST", key, body: { event: "deals.created", data: {}, workspace: acme.id } });
    expect(byId.status).toBe(202);
    const unknown = await call(publishRoute, { method: "POST", key, body: { event: "deals.created", data: {}, workspace: "nope" } });
    expect(unknown).toMatchObject({ status: 400, json: { error: { issues: [{ path: "workspace" }] } } });

    // A batch into two workspaces at once: one statement, each event in its own.
    const batch = await call(publishBatchRoute, {
      method: "POST",
      key,
      body: {
        events: [
          { event: "deals.created", data: {}, workspace: "acme" },
          { event: "deals.created", data: {} },
        ],
      },
    });
    expect(batch.json.data.map((r: { deliveries: number }) => r.deliveries)).toEqual([1, 1]);

    const defaultKey = await scopedKey(["events:publish"]);
    const own = await call(publishRoute, { method: "POST", key: defaultKey, body: { event: "deals.created", data: {}, workspace: "default" } });
    expect(own.status).toBe(202);
    const other = await call(publishRoute, { method: "POST", key: defaultKey, body: { event: "deals.created", data: {}, workspace: "acme" } });
    expect(other).toMatchObject({ status: 403, json: { error: { code: "forbidden" } } });
    const otherMissing = await call(publishRoute, { method: "POST", key: defaultKey, body: { event: "deals.created", data: {}, workspace: "no-such" } });
    expect(otherMissing.status).toBe(403); // the same answer: a workspace's key learns nothing of others
    const inBatch = await call(publishBatchRoute, {
      method: "POST",
      key: defaultKey,
      body: { events: [{ event: "deals.created", data: {}, workspace: "acme" }] },
    });
    expect(inBatch.status).toBe(403);
    expect(await db().prisma.event.count({ where: { workspaceId: acme.id } })).toBe(3);
  });

  it("idempotency keys are per workspace: the same key in two workspaces makes two events", async () => {
    const key = await operatorKey();
    await call(createWorkspaceRoute, { method: "POST", key, body: { name: "Two" } });
    const one = await call(publishRoute, { method: "POST", key, body: { event: "deals.created", data: {}, idempotencyKey: "order-1" } });
    const two = await call(publishRoute, { method: "POST", key, body: { event: "deals.created", data: {}, idempotencyKey: "order-1", workspace: "two" } });
    const again = await call(publishRoute, { method: "POST", key, body: { event: "deals.created", data: {}, idempotencyKey: "order-1", workspace: "two" } });
    expect(one.json.id).not.toBe(two.json.id);
    expect(again.json).toMatchObject({ id: two.json.id, isDuplicate: true });
  });

  it("a workspace's key sees only its own webhooks; a session switches only to a workspace it administers", async () => {
    const key = await operatorKey();
    const { json: acme } = await call(createWorkspaceRoute, { method: "POST", key, body: { name: "Acme" } });
    const acmeCtx = workspaceContext(db().prisma, acme, { kind: "system", reason: "test" });
    const acmeKey = (await createApiKey(acmeCtx, { name: "acme" }, null)).key;
    await call(createWebhookRoute, { method: "POST", key: acmeKey, body: { url: "http://127.0.0.1:9/a", events: ["*"] } });
    expect((await call(getWebhooks, { key: acmeKey })).json.data).toHaveLength(1);
    expect((await call(getWebhooks, { key: await scopedKey(["webhooks:read"]) })).json.data).toHaveLength(0);

    const user = await createUser({ email: "two@example.com", password: "two-workspaces-pw", role: "ADMIN" });
    const cookie = await sessionCookie(user.id);
    const headers = { cookie, origin: ORIGIN };
    expect((await call(switchRoute, { method: "POST", body: { workspace: "acme" }, headers })).status).toBe(404);
    await db().prisma.membership.create({ data: { workspaceId: acme.id, userId: user.id, role: "MEMBER" } });
    expect((await call(switchRoute, { method: "POST", body: { workspace: "acme" }, headers })).status).toBe(404);
    await db().prisma.membership.update({ where: { workspaceId_userId: { workspaceId: acme.id, userId: user.id } }, data: { role: "ADMIN" } });
    const request = new Request(`${ORIGIN}/api/v1/session/workspace`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ workspace: "acme" }),
    });
    const switched = await switchRoute(request, { params: Promise.resolve({}) });
    expect(switched.status).toBe(200);
    const setCookie = switched.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(new RegExp(`^hookline-workspace=${acme.id}; Path=/; HttpOnly; SameSite=Lax`));
    // With the cookie the session acts in Acme; with the page's header it acts where the page was rendered.
    const inAcme = await call(getWebhooks, { headers: { cookie: `${cookie}; hookline-workspace=${acme.id}` } });
    expect(inAcme.json.data).toHaveLength(1);
    const pinned = await call(getWebhooks, { headers: { cookie: `${cookie}; hookline-workspace=${acme.id}`, "x-hookline-workspace": DEFAULT_WORKSPACE_ID } });
    expect(pinned.json.data).toHaveLength(0);
  });
});

describe.each(TEST_DATABASES)("sign-in links on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  async function mint(body: Record<string, unknown>, workspace = "default") {
    const key = await scopedKey(["operator"]);
    return call(signInLinkRoute, { method: "POST", key, params: { id: workspace }, body });
  }
  const tokenOf = (url: string) => new URL(url).hash.replace(/^#token=/, "");

  it("mints a one-time link (token only in the fragment, stored hashed) that makes a new user an admin of the workspace", async () => {
    const before = Date.now();
    const { status, json } = await mint({ email: "New.Person@Example.com", name: "New Person", role: "admin" });
    expect(status).toBe(201);
    expect(json.url).toMatch(/^http:\/\/localhost:3000\/signin\/link#token=hlsl_[\w-]{32}$/);
    expect(new Date(json.expiresAt).getTime() - before).toBeGreaterThanOrEqual(299_000);
    expect(new Date(json.expiresAt).getTime() - before).toBeLessThan(302_000);
    const token = tokenOf(json.url);
    const stored = await db().prisma.signInLink.findFirstOrThrow();
    expect(stored.tokenHash).not.toContain(token.slice(5));
    expect(JSON.stringify(stored)).not.toContain(token);

    const user = await redeemSignInLink(token, null);
    expect(user).toMatchObject({ email: "new.person@example.com", name: "New Person", isOperator: false, workspace: { slug: "default" } });
    const membership = await db().prisma.membership.findFirstOrThrow({ where: { userId: user.id } });
    expect(membership).toMatchObject({ workspaceId: DEFAULT_WORKSPACE_ID, role: "ADMIN" });
    await expect(redeemSignInLink(token, null)).rejects.toMatchObject({ reason: "used" });
  });

  it("an existing user keeps their account and gets the membership; a member link never demotes an admin", async () => {
    const key = await scopedKey(["operator"]);
    const { json: acme } = await call((await import("@/app/api/v1/workspaces/route")).POST, { method: "POST", key, body: { name: "Acme" } });
    const existing = await createUser({ email: "known@example.com", password: "known-password-12", role: "ADMIN" });
    const first = await mint({ email: "known@example.com", role: "member" }, acme.slug);
    const user = await redeemSignInLink(tokenOf(first.json.url), null);
    expect(user.id).toBe(existing.id);
    expect(user.workspace.id).toBe(acme.id);
    const demote = await mint({ email: "known@example.com", role: "member" });
    await redeemSignInLink(tokenOf(demote.json.url), null);
    const roles = await db().prisma.membership.findMany({ where: { userId: existing.id }, orderBy: { createdAt: "asc" } });
    expect(roles.map((m) => [m.workspaceId, m.role])).toEqual([
      [DEFAULT_WORKSPACE_ID, "ADMIN"],
      [acme.id, "MEMBER"],
    ]);
  });

  it("refuses an expired, a tampered and an unknown link, each with its reason; bad requests name the field", async () => {
    const { json } = await mint({ email: "late@example.com", role: "admin", expiresIn: 60 });
    const token = tokenOf(json.url);
    await expect(redeemSignInLink(token, null, new Date(Date.now() + 61_000))).rejects.toMatchObject({ reason: "expired" });
    await expect(redeemSignInLink(`${token.slice(0, -2)}xx`, null)).rejects.toMatchObject({ reason: "unknown" });
    await expect(redeemSignInLink("not-a-token", null)).rejects.toMatchObject({ reason: "unknown" });
    expect(await db().prisma.user.count({ where: { email: "late@example.com" } })).toBe(0);
    for (const [body, field] of [
      [{ email: "x@example.com", role: "admin", expiresIn: 59 }, "expiresIn"],
      [{ email: "x@example.com", role: "admin", expiresIn: 3601 }, "expiresIn"],
      [{ email: "x@example.com", role: "owner" }, "role"],
      [{ email: "nope", role: "admin" }, "email"],
    ] as const) {
      const refused = await mint(body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.json.error.issues[0].path).toBe(field);
    }
    expect((await mint({ email: "x@example.com", role: "admin" }, "no-such-workspace")).status).toBe(404);
  });

  it("two opens of one link at once: exactly one signs in", async () => {
    const { json } = await mint({ email: "race@example.com", role: "admin" });
    const token = tokenOf(json.url);
    const results = await Promise.allSettled([redeemSignInLink(token, null), redeemSignInLink(token, null)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().prisma.user.count({ where: { email: "race@example.com" } })).toBe(1);
  });
});
