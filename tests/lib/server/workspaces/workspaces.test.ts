import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { publishEvent } from "@/lib/delivery/publish-event";
import { DomainError } from "@/lib/errors/domain-error";
import { createApiKey } from "@/lib/server/api-keys/api-keys";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { createWorkspace, deleteWorkspace, getWorkspace, listWorkspaces, updateWorkspace } from "@/lib/server/workspaces/workspaces";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createMember, installationCtx, otherCtx, refusal } from "../../../helpers/workspace";

const MISSING = "00000000-0000-4000-8000-00000000beef";

describe.each(TEST_DATABASES)("workspaces on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => installationCtx(database().prisma);

  describe("createWorkspace", () => {
    it("makes the slug from the name, numbering it from -2 when taken, and stores the limits", async () => {
      const first = await createWorkspace(ctx(), { name: "  Acme Corp. ", maxInFlight: 4, rateLimitPerSecond: 50 });
      expect(first).toEqual({
        id: expect.any(String),
        slug: "acme-corp",
        name: "Acme Corp.",
        maxInFlight: 4,
        rateLimitPerSecond: 50,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      });
      expect((await createWorkspace(ctx(), { name: "Acme Corp" })).slug).toBe("acme-corp-2");
      const third = await createWorkspace(ctx(), { name: "ACME corp!" });
      expect(third).toMatchObject({ slug: "acme-corp-3", maxInFlight: null, rateLimitPerSecond: null });
      const row = await database().prisma.workspace.findUniqueOrThrow({ where: { id: first.id } });
      expect(row).toMatchObject({ slug: "acme-corp", name: "Acme Corp.", maxInFlight: 4, rateLimitPerSecond: 50 });
      expect(row.createdAt.toISOString()).toBe(first.createdAt);
    });

    it("a name with no letters or digits gets the slug 'workspace'", async () => {
      expect((await createWorkspace(ctx(), { name: "!!!" })).slug).toBe("workspace");
    });

    it("keeps a given slug (lower-cased), and refuses a taken one as a conflict without numbering it", async () => {
      expect((await createWorkspace(ctx(), { name: "Anything", slug: "Globex" })).slug).toBe("globex");
      const error = await refusal(createWorkspace(ctx(), { name: "Globex", slug: "globex" }));
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ kind: "conflict", code: "conflict", message: 'The slug "globex" is taken' });
      expect(await database().prisma.workspace.count({ where: { slug: { startsWith: "globex" } } })).toBe(1);
      // The Default workspace's slug is taken too.
      expect(await refusal(createWorkspace(ctx(), { name: "D", slug: "default" }))).toMatchObject({ kind: "conflict" });
    });

    it("when every numbered slug up to -50 is taken, asks for one", async () => {
      const prisma = database().prisma;
      await prisma.workspace.createMany({ data: Array.from({ length: 50 }, (_, i) => ({ name: "Busy", slug: i === 0 ? "busy" : `busy-${i + 1}` })) });
      const error = await refusal(createWorkspace(ctx(), { name: "Busy" }));
      expect(error).toMatchObject({ kind: "invalid", issues: [{ path: "slug" }] });
      expect((error as Error).message).toContain('"busy" to "busy-50"');
      expect(await prisma.workspace.count({ where: { name: "Busy" } })).toBe(50);
    });

    it("validates its input: a bad slug, a UUID as slug, an empty name, an unknown field", async () => {
      for (const input of [{ name: "X", slug: "Not a slug!" }, { name: "X", slug: MISSING }, { name: "  " }, { name: "X", color: "red" }]) {
        expect(await refusal(createWorkspace(ctx(), input as never)), JSON.stringify(input)).toBeInstanceOf(ZodError);
      }
      expect(await database().prisma.workspace.count()).toBe(1);
    });
  });

  describe("getWorkspace", () => {
    it("reads one by id or slug, and an unknown one is not found", async () => {
      const acme = await createWorkspace(ctx(), { name: "Acme" });
      expect(await getWorkspace(ctx(), "ACME")).toEqual(acme);
      expect(await getWorkspace(ctx(), acme.id)).toEqual(acme);
      expect(await refusal(getWorkspace(ctx(), "nope"))).toMatchObject({ kind: "not_found", message: "Workspace not found" });
    });
  });

  describe("listWorkspaces", () => {
    it("pages oldest first on (createdAt, id), Default first, with nextCursor the last id while more remain", async () => {
      const prisma = database().prisma;
      // Three made at one instant: their ids order them.
      const at = new Date(Date.now() + 60_000);
      const ids = ["33333333-3333-4333-8333-333333333333", "11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"];
      for (const [i, id] of ids.entries()) await prisma.workspace.create({ data: { id, slug: `same-${i}`, name: "Same", createdAt: at } });
      const older = await prisma.workspace.create({ data: { slug: "older", name: "Older", createdAt: new Date(Date.now() + 1_000) } });

      const first = await listWorkspaces(ctx(), { limit: 2 });
      expect(first.data.map((w) => w.id)).toEqual([DEFAULT_WORKSPACE_ID, older.id]);
      expect(first.nextCursor).toBe(older.id);
      expect(first.data[1]).toEqual({
        id: older.id,
        slug: "older",
        name: "Older",
        maxInFlight: null,
        rateLimitPerSecond: null,
        createdAt: older.createdAt.toISOString(),
        health: { webhooks: { working: 0, failing: 0, disabled: 0 }, succeeded: 0, failed: 0, due: 0 },
      });
      const second = await listWorkspaces(ctx(), { limit: 2, cursor: first.nextCursor ?? undefined });
      expect(second.data.map((w) => w.id)).toEqual([ids[1], ids[2]]);
      expect(second.nextCursor).toBe(ids[2]);
      const last = await listWorkspaces(ctx(), { limit: 2, cursor: second.nextCursor ?? undefined });
      expect(last).toEqual({ data: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
      // A page that holds exactly the rest has no next cursor.
      expect((await listWorkspaces(ctx(), { limit: 5 })).nextCursor).toBeNull();
      expect((await listWorkspaces(ctx(), { limit: 4 })).nextCursor).toBe(ids[2]);
    });

    it("refuses a cursor it did not give out: not a UUID, or the id of no workspace", async () => {
      for (const cursor of ["not-a-cursor", MISSING]) {
        const error = await refusal(listWorkspaces(ctx(), { limit: 10, cursor }));
        expect(error, cursor).toBeInstanceOf(DomainError);
        expect(error).toMatchObject({ kind: "invalid", code: "validation_failed", issues: [{ path: "cursor" }] });
      }
    });
  });

  describe("updateWorkspace", () => {
    it("changes the name, slug and limits it is given and keeps the rest", async () => {
      const acme = await createWorkspace(ctx(), { name: "Acme", maxInFlight: 4 });
      const renamed = await updateWorkspace(ctx(), "acme", { name: "Acme Inc" });
      expect(renamed).toEqual({ ...acme, name: "Acme Inc" });
      const limited = await updateWorkspace(ctx(), acme.id, { maxInFlight: null, rateLimitPerSecond: 100_000, slug: "ACME-INC" });
      expect(limited).toEqual({ ...acme, name: "Acme Inc", slug: "acme-inc", maxInFlight: null, rateLimitPerSecond: 100_000 });
      expect(await database().prisma.workspace.findUniqueOrThrow({ where: { id: acme.id } })).toMatchObject({
        slug: "acme-inc",
        maxInFlight: null,
        rateLimitPerSecond: 100_000,
      });
    });

    it("refuses limits out of range, as a validation error, and changes nothing", async () => {
      await createWorkspace(ctx(), { name: "Acme", maxInFlight: 4 });
      for (const patch of [{ maxInFlight: 0 }, { maxInFlight: 10_001 }, { rateLimitPerSecond: 100_001 }, { maxInFlight: 1.5 }]) {
        expect(await refusal(updateWorkspace(ctx(), "acme", patch)), JSON.stringify(patch)).toBeInstanceOf(ZodError);
      }
      expect((await getWorkspace(ctx(), "acme")).maxInFlight).toBe(4);
    });

    it("refuses another workspace's slug as a conflict, and an unknown workspace as not found", async () => {
      await createWorkspace(ctx(), { name: "Acme" });
      await createWorkspace(ctx(), { name: "Globex" });
      const error = await refusal(updateWorkspace(ctx(), "acme", { slug: "globex" }));
      expect(error).toMatchObject({ kind: "conflict", code: "conflict", message: 'The slug "globex" is taken' });
      expect((await getWorkspace(ctx(), "acme")).slug).toBe("acme");
      expect(await refusal(updateWorkspace(ctx(), "nope", { name: "X" }))).toMatchObject({ kind: "not_found" });
    });
  });

  describe("deleteWorkspace", () => {
    it("deletes an empty workspace without being forced; an unknown one is not found", async () => {
      const acme = await createWorkspace(ctx(), { name: "Acme" });
      await deleteWorkspace(ctx(), "acme");
      expect(await database().prisma.workspace.findUnique({ where: { id: acme.id } })).toBeNull();
      expect(await refusal(deleteWorkspace(ctx(), "acme"))).toMatchObject({ kind: "not_found" });
    });

    it("refuses one with webhooks (has_webhooks, counting them) unless forced", async () => {
      const prisma = database().prisma;
      const acme = await createWorkspace(ctx(), { name: "Acme" });
      const acmeCtx = otherCtx(prisma, acme);
      await createWebhook(acmeCtx, { url: "http://127.0.0.1:9/a", events: ["*"] });
      const one = await refusal(deleteWorkspace(ctx(), "acme"));
      expect(one).toBeInstanceOf(DomainError);
      expect(one).toMatchObject({ kind: "conflict", code: "has_webhooks", message: "Acme has 1 webhook: delete them first, or send ?force=true" });
      await createWebhook(acmeCtx, { url: "http://127.0.0.1:9/b", events: ["*"] });
      expect(await refusal(deleteWorkspace(ctx(), acme.id, { isForced: false }))).toMatchObject({
        code: "has_webhooks",
        message: expect.stringContaining("has 2 webhooks"),
      });
      expect(await prisma.workspace.count({ where: { id: acme.id } })).toBe(1);
      // Default's webhooks do not count against another workspace.
      const globex = await createWorkspace(ctx(), { name: "Globex" });
      await prisma.webhook.create({ data: { url: "http://127.0.0.1:9/d", tokenCiphertext: "x" } });
      await deleteWorkspace(ctx(), globex.id);
      expect(await prisma.workspace.count({ where: { id: globex.id } })).toBe(0);
    });

    it("never deletes the Default workspace, even forced", async () => {
      for (const id of ["default", DEFAULT_WORKSPACE_ID]) {
        const error = await refusal(deleteWorkspace(ctx(), id, { isForced: true }));
        expect(error).toMatchObject({ kind: "conflict", code: "default_workspace" });
      }
      expect(await database().prisma.workspace.count({ where: { id: DEFAULT_WORKSPACE_ID } })).toBe(1);
    });

    it("forced, takes everything in the workspace with it and nothing of another's; its members' accounts stay", async () => {
      const prisma = database().prisma;
      const acme = await createWorkspace(ctx(), { name: "Acme" });
      const acmeCtx = otherCtx(prisma, acme);
      const hook = await createWebhook(acmeCtx, { url: "http://127.0.0.1:9/a", events: ["deals.created"] });
      await prisma.webhook.update({ where: { id: hook.id }, data: { enabled: true } });
      expect((await publishEvent(acmeCtx, { event: "deals.created", data: {} })).deliveries).toBe(1);
      await createApiKey(acmeCtx, { name: "acme key" }, null);
      const member = await createMember(prisma, "acme-admin@example.com", "ADMIN", { workspaceId: acme.id });
      const kept = await prisma.webhook.create({ data: { url: "http://127.0.0.1:9/default", tokenCiphertext: "x" } });

      await deleteWorkspace(ctx(), "acme", { isForced: true });
      const where = { where: { workspaceId: acme.id } };
      expect(await prisma.workspace.count({ where: { id: acme.id } })).toBe(0);
      expect([
        await prisma.webhook.count(where),
        await prisma.event.count(where),
        await prisma.delivery.count(where),
        await prisma.apiKey.count(where),
        await prisma.membership.count(where),
      ]).toEqual([0, 0, 0, 0, 0]);
      expect(await prisma.user.count({ where: { id: member.id } })).toBe(1);
      expect(await prisma.webhook.findUnique({ where: { id: kept.id } })).not.toBeNull();
    });
  });
});
