import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/api-error";
import type { TCaller } from "@/lib/api/authenticate-request";
import { resolveWorkspace } from "@/lib/api/resolve-workspace";
import { scopedDb } from "@/lib/db/scoped-db";
import type { TWorkspaceRef } from "@/lib/db/workspace-context";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";
import { createMember, createOtherWorkspace } from "../../helpers/workspace";

const DEFAULT_REF: TWorkspaceRef = { id: DEFAULT_WORKSPACE_ID, slug: "default", name: "Default" };
const request = (headers: Record<string, string> = {}) => new Request("http://localhost:3000/api/v1/webhooks", { headers });
const sessionOf = (userId: string) => ({ actor: { kind: "session", userId }, user: { id: userId } }) as unknown as TCaller;

describe.each(TEST_DATABASES)("resolveWorkspace on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => "resolved",
      (e: unknown) => e,
    );

  /**
   * Acme, Globex and Umbrella beside Default; a user who is, oldest membership first, a member of
   * Globex, an admin of Default, and an admin of Acme (not in Umbrella).
   */
  async function setUp(prisma: PrismaClient) {
    const acme = await createOtherWorkspace(prisma, "acme");
    const globex = await createOtherWorkspace(prisma, "globex");
    const umbrella = await createOtherWorkspace(prisma, "umbrella");
    const user = await prisma.user.create({ data: { email: "ada@example.com", passwordHash: "x" } });
    for (const [workspaceId, role, day] of [
      [globex.id, "MEMBER", 1],
      [DEFAULT_WORKSPACE_ID, "ADMIN", 2],
      [acme.id, "ADMIN", 3],
    ] as const)
      await prisma.membership.create({ data: { workspaceId, userId: user.id, role, createdAt: new Date(Date.UTC(2026, 0, day)) } });
    return { acme, globex, umbrella, user };
  }

  it("a bearer credential acts in its own workspace, whatever the header or cookie say", async () => {
    const prisma = database().prisma;
    const { acme } = await setUp(prisma);
    const actor = { kind: "api_key" as const, apiKeyId: "00000000-0000-4000-8000-0000000000aa", scopes: ["webhooks:read" as const] };
    const ctx = await resolveWorkspace(
      { actor, workspace: acme } as TCaller,
      request({ "x-hookline-workspace": DEFAULT_WORKSPACE_ID, cookie: `hookline-workspace=${DEFAULT_WORKSPACE_ID}` }),
    );
    expect(ctx.workspace).toEqual(acme);
    expect(ctx.actor).toBe(actor);
    expect(ctx.db === scopedDb(prisma, acme.id), "the workspace's scoped client").toBe(true);
    expect(ctx.prisma === prisma, "the unscoped client").toBe(true);
  });

  it("a session: the page's header names the workspace exactly, over the cookie", async () => {
    const prisma = database().prisma;
    const { acme, user } = await setUp(prisma);
    const ctx = await resolveWorkspace(
      sessionOf(user.id),
      request({ "x-hookline-workspace": acme.id, cookie: `a=1; hookline-workspace=${DEFAULT_WORKSPACE_ID}` }),
    );
    expect(ctx.workspace).toEqual(acme);
    expect(ctx.actor).toEqual({ kind: "session", userId: user.id });
    expect(ctx.db === scopedDb(prisma, acme.id), "the workspace's scoped client").toBe(true);
    const pinned = await resolveWorkspace(
      sessionOf(user.id),
      request({ "x-hookline-workspace": DEFAULT_WORKSPACE_ID, cookie: `hookline-workspace=${acme.id}` }),
    );
    expect(pinned.workspace).toEqual(DEFAULT_REF);
  });

  it("a session's EventSource (no headers) names the page's workspace in the query, checked exactly as the header", async () => {
    const prisma = database().prisma;
    const { acme, umbrella, user } = await setUp(prisma);
    const live = (workspace: string) =>
      new Request(`http://localhost:3000/api/v1/live?workspace=${workspace}`, { headers: { cookie: `hookline-workspace=${DEFAULT_WORKSPACE_ID}` } });
    expect((await resolveWorkspace(sessionOf(user.id), live(acme.id))).workspace).toEqual(acme);
    const error = await refusal(resolveWorkspace(sessionOf(user.id), live(umbrella.id)));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(403);
  });

  it("a header naming a workspace the user is not in, or not a workspace id, is 403 (never another workspace)", async () => {
    const prisma = database().prisma;
    const { umbrella, user } = await setUp(prisma);
    for (const header of [umbrella.id, "00000000-0000-4000-8000-00000000beef", "acme"]) {
      const error = await refusal(resolveWorkspace(sessionOf(user.id), request({ "x-hookline-workspace": header })));
      expect(error, header).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 403, code: "forbidden" });
    }
  });

  it("a header naming a workspace where the user is only a member is 403 'Only admins of …', not a fallback", async () => {
    const prisma = database().prisma;
    const { globex, user } = await setUp(prisma);
    const error = await refusal(resolveWorkspace(sessionOf(user.id), request({ "x-hookline-workspace": globex.id })));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, code: "forbidden", message: "Only admins of Workspace globex can use its settings and admin API" });
  });

  it("without the header, the cookie chooses a workspace the user administers", async () => {
    const prisma = database().prisma;
    const { acme, user } = await setUp(prisma);
    const ctx = await resolveWorkspace(sessionOf(user.id), request({ cookie: `next-auth.session-token=x; hookline-workspace=${acme.id}` }));
    expect(ctx.workspace).toEqual(acme);
    expect(ctx.db === scopedDb(prisma, acme.id), "the workspace's scoped client").toBe(true);
  });

  it("without a usable choice (none, a member-only or foreign workspace, garbage) falls back to the user's first admin workspace", async () => {
    const prisma = database().prisma;
    const { globex, umbrella, user } = await setUp(prisma);
    for (const headers of [
      {} as Record<string, string>,
      { cookie: `hookline-workspace=${globex.id}` },
      { cookie: `hookline-workspace=${umbrella.id}` },
      { cookie: "hookline-workspace=acme" },
    ]) {
      const ctx = await resolveWorkspace(sessionOf(user.id), request(headers));
      expect(ctx.workspace, JSON.stringify(headers)).toEqual(DEFAULT_REF);
    }
  });

  it("a user who is only a member is 403 'Only admins of <workspace>'", async () => {
    const prisma = database().prisma;
    const acme = await createOtherWorkspace(prisma, "acme");
    const member = await createMember(prisma, "m@example.com", "MEMBER", { workspaceId: acme.id });
    const error = await refusal(resolveWorkspace(sessionOf(member.id), request({ cookie: `hookline-workspace=${acme.id}` })));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, code: "forbidden", message: "Only admins of Workspace acme can use its settings and admin API" });
  });

  it("a user of no workspace (an operator may be one) is 403", async () => {
    const prisma = database().prisma;
    const lone = await prisma.user.create({ data: { email: "op@example.com", passwordHash: "x", isOperator: true } });
    const error = await refusal(resolveWorkspace(sessionOf(lone.id), request({ cookie: `hookline-workspace=${DEFAULT_WORKSPACE_ID}` })));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, code: "forbidden", message: expect.stringContaining("not a member of any workspace") });
  });
});
