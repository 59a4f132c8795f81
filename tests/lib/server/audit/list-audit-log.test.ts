import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/audit-log/route";
import { GET as installationLog } from "@/app/api/v1/installation/audit-log/route";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { listAuditLog, listInstallationAuditLog } from "@/lib/server/audit/list-audit-log";
import { createUser } from "@/lib/server/users/create-user";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { call, scopedKey, sessionCookie } from "../../../helpers/routes";
import { createOtherWorkspace, installationCtx } from "../../../helpers/workspace";

const T0 = new Date("2026-12-01T12:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe.each(TEST_DATABASES)("the audit log on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const entry = (at: Date, action: string, extra: Record<string, unknown> = {}) =>
    db().prisma.auditEntry.create({
      data: { workspaceId: DEFAULT_WORKSPACE_ID, at, actorKind: "user", actorName: "ann@example.com", action, targetType: "webhook", ...extra },
    });

  it("pages newest first by cursor, and filters by actor, action, target and time", async () => {
    const annId = "11111111-1111-4111-8111-111111111111";
    for (let i = 0; i < 5; i++) await entry(minutes(i), "webhook.updated", { actorId: annId, targetId: `w${i % 2}` });
    await entry(minutes(10), "webhook.deleted", { actorKind: "api_key", actorName: "CRM sync", targetId: "w1" });
    const ctx = defaultWorkspaceContext(db().prisma);
    const first = await listAuditLog(ctx, { limit: 4 });
    expect(first.data.map((e) => e.at)).toEqual([minutes(10), minutes(4), minutes(3), minutes(2)].map((d) => d.toISOString()));
    const second = await listAuditLog(ctx, { limit: 4, cursor: first.nextCursor ?? undefined });
    expect(second.data.map((e) => e.at)).toEqual([minutes(1), minutes(0)].map((d) => d.toISOString()));
    expect(second.nextCursor).toBeNull();
    expect((await listAuditLog(ctx, { limit: 50, actor: annId })).data).toHaveLength(5);
    expect((await listAuditLog(ctx, { limit: 50, actor: "CRM sync" })).data.map((e) => e.action)).toEqual(["webhook.deleted"]);
    expect((await listAuditLog(ctx, { limit: 50, action: "webhook.deleted" })).data).toHaveLength(1);
    expect((await listAuditLog(ctx, { limit: 50, target: "w1" })).data).toHaveLength(3);
    const window = await listAuditLog(ctx, { limit: 50, since: minutes(1).toISOString(), until: minutes(4).toISOString() });
    expect(window.data.map((e) => e.at)).toEqual([minutes(3), minutes(2), minutes(1)].map((d) => d.toISOString()));
    expect(first.data[0]).toMatchObject({ actor: { kind: "api_key", name: "CRM sync" }, action: "webhook.deleted", target: { type: "webhook", id: "w1" } });
  });

  it("a workspace sees only its own entries; the installation's own log only entries of no workspace", async () => {
    const other = await createOtherWorkspace(db().prisma);
    await entry(minutes(1), "webhook.created");
    await entry(minutes(2), "webhook.created", { workspaceId: other.id });
    await entry(minutes(3), "user.signed_in", { workspaceId: null, targetType: "user" });
    expect((await listAuditLog(defaultWorkspaceContext(db().prisma), { limit: 50 })).data.map((e) => e.at)).toEqual([minutes(1).toISOString()]);
    expect((await listInstallationAuditLog(installationCtx(db().prisma), { limit: 50 })).data.map((e) => e.action)).toEqual(["user.signed_in"]);
  });

  it("over HTTP: 400 naming a bad filter or cursor; the installation's log is for operators only", async () => {
    const key = await scopedKey(["administrative"]);
    expect((await call(GET, { path: "/audit-log?action=webhook.exploded", key })).json.error.issues[0].path).toBe("action");
    expect((await call(GET, { path: "/audit-log?cursor=nonsense", key })).json.error.issues[0].path).toBe("cursor");
    expect((await call(GET, { path: "/audit-log?since=yesterday", key })).status).toBe(400);
    expect((await call(GET, { path: "/audit-log", key })).status).toBe(200);
    expect((await call(GET, { path: "/audit-log", key: await scopedKey(["webhooks:read"]) })).status).toBe(403);
    const admin = await createUser({ email: "admin@example.com", password: "admin-password-1", role: "ADMIN" });
    const operator = await createUser({ email: "op@example.com", password: "operator-password-1", role: "ADMIN" }, { isOperator: true });
    expect((await call(installationLog, { path: "/installation/audit-log", headers: { cookie: await sessionCookie(admin.id) } })).status).toBe(403);
    const asOperator = await call(installationLog, { path: "/installation/audit-log", headers: { cookie: await sessionCookie(operator.id) } });
    expect(asOperator.status).toBe(200);
    // Both users' creation is the Default workspace's (their membership is there); nothing of the installation's yet.
    expect(asOperator.json.data).toEqual([]);
  });
});
