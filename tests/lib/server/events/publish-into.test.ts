import { describe, expect, it } from "vitest";
import { type TWorkspaceContext, type TWorkspaceRef, workspaceContext } from "@/lib/db/workspace-context";
import { DomainError } from "@/lib/errors/domain-error";
import { publishBatchInto, publishInto } from "@/lib/server/events/publish-into";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import type { TActor } from "@/lib/validation/actor";
import type { TScope } from "@/lib/validation/scopes";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

const DEFAULT_REF: TWorkspaceRef = { id: DEFAULT_WORKSPACE_ID, slug: "default", name: "Default" };
const apiKey = (scopes: TScope[]): TActor => ({ kind: "api_key", apiKeyId: "00000000-0000-4000-8000-0000000000aa", scopes });

describe.each(TEST_DATABASES)("publishing into a workspace on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  /** The context of a credential of the Default workspace acting as `actor`. */
  const asDefault = (actor: TActor): TWorkspaceContext => workspaceContext(database().prisma, DEFAULT_REF, actor);
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => "resolved",
      (e: unknown) => e,
    );

  /** Acme beside Default, each with one enabled webhook for deals.created. */
  async function twoWorkspaces() {
    const prisma = database().prisma;
    const acme = await createOtherWorkspace(prisma, "acme");
    const hooks: Record<string, string> = {};
    for (const ctx of [otherCtx(prisma, acme), asDefault({ kind: "system", reason: "tests" })]) {
      const hook = await createWebhook(ctx, { url: `http://127.0.0.1:9/${ctx.workspace.slug}`, events: ["deals.created"] });
      await prisma.webhook.update({ where: { id: hook.id }, data: { enabled: true } });
      hooks[ctx.workspace.id] = hook.id;
    }
    return { acme, hooks };
  }

  /** Where an event was written, and the workspace and webhook of each of its deliveries. */
  async function placeOf(id: string) {
    const event = await database().prisma.event.findUniqueOrThrow({ where: { id }, include: { deliveries: true } });
    return { workspaceId: event.workspaceId, deliveries: event.deliveries.map((d) => [d.workspaceId, d.webhookId]) };
  }

  describe("publishInto", () => {
    it("without a workspace, publishes into the credential's own", async () => {
      const { acme, hooks } = await twoWorkspaces();
      const published = await publishInto(asDefault(apiKey(["events:publish"])), { event: "deals.created", data: { n: 1 } });
      expect(published).toMatchObject({ deliveries: 1, isDuplicate: false });
      expect(await placeOf(published.id)).toEqual({ workspaceId: DEFAULT_WORKSPACE_ID, deliveries: [[DEFAULT_WORKSPACE_ID, hooks[DEFAULT_WORKSPACE_ID]]] });
      // And an Acme credential into Acme.
      const inAcme = await publishInto(workspaceContext(database().prisma, acme, apiKey(["events:publish"])), { event: "deals.created", data: {} });
      expect((await placeOf(inAcme.id)).workspaceId).toBe(acme.id);
    });

    it("naming its own workspace by slug or id (any case, spaces around) works for any credential", async () => {
      const { hooks } = await twoWorkspaces();
      const ctx = asDefault(apiKey(["events:publish"]));
      for (const workspace of ["default", " DEFAULT ", DEFAULT_WORKSPACE_ID, DEFAULT_WORKSPACE_ID.toUpperCase()]) {
        const { id } = await publishInto(ctx, { event: "deals.created", data: {}, workspace });
        expect(await placeOf(id), workspace).toEqual({ workspaceId: DEFAULT_WORKSPACE_ID, deliveries: [[DEFAULT_WORKSPACE_ID, hooks[DEFAULT_WORKSPACE_ID]]] });
      }
    });

    it("a credential without the operator scope naming another workspace is forbidden, whether or not it exists, and nothing is written", async () => {
      const { acme } = await twoWorkspaces();
      const actors: TActor[] = [
        apiKey(["events:publish"]),
        apiKey(["administrative"]),
        { kind: "oauth", tokenId: "t", appId: "a", scopes: ["administrative", "events:publish"] },
        { kind: "session", userId: "00000000-0000-4000-8000-0000000000bb" },
      ];
      for (const actor of actors) {
        for (const workspace of ["acme", acme.id, "no-such-workspace", "00000000-0000-4000-8000-00000000beef"]) {
          const error = await refusal(publishInto(asDefault(actor), { event: "deals.created", data: {}, workspace }));
          expect(error, `${JSON.stringify(actor)} ${workspace}`).toBeInstanceOf(DomainError);
          expect(error).toMatchObject({ kind: "forbidden", code: "forbidden" });
          expect((error as Error).message).toBe("workspace: this credential publishes into its own workspace only (default)");
        }
      }
      expect(await database().prisma.event.count()).toBe(0);
    });

    it("an operator credential (API key or OAuth token) publishes into another workspace by slug or id", async () => {
      const { acme, hooks } = await twoWorkspaces();
      const bySlug = await publishInto(asDefault(apiKey(["operator"])), { event: "deals.created", data: {}, workspace: "Acme" });
      expect(bySlug).toMatchObject({ deliveries: 1 });
      expect(await placeOf(bySlug.id)).toEqual({ workspaceId: acme.id, deliveries: [[acme.id, hooks[acme.id]]] });
      const oauth: TActor = { kind: "oauth", tokenId: "t", appId: "a", scopes: ["operator"] };
      const byId = await publishInto(asDefault(oauth), { event: "deals.created", data: {}, workspace: acme.id });
      expect((await placeOf(byId.id)).workspaceId).toBe(acme.id);
      expect(await database().prisma.event.count({ where: { workspaceId: DEFAULT_WORKSPACE_ID } })).toBe(0);
    });

    it("an operator naming an unknown workspace gets invalid at the path 'workspace'", async () => {
      await twoWorkspaces();
      const error = await refusal(publishInto(asDefault(apiKey(["operator"])), { event: "deals.created", data: {}, workspace: "nope" }));
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({
        kind: "invalid",
        code: "validation_failed",
        issues: [{ path: "workspace", message: 'No workspace has the id or slug "nope"' }],
      });
      expect(await database().prisma.event.count()).toBe(0);
    });
  });

  describe("publishBatchInto", () => {
    it("writes each event of a mixed batch into its own workspace, in the order sent", async () => {
      const { acme, hooks } = await twoWorkspaces();
      const { data } = await publishBatchInto(asDefault(apiKey(["operator"])), {
        events: [
          { event: "deals.created", data: { i: 0 }, workspace: "acme" },
          { event: "deals.created", data: { i: 1 } },
          { event: "deals.created", data: { i: 2 }, workspace: "default" },
          { event: "deals.created", data: { i: 3 }, workspace: acme.id.toUpperCase() },
          { event: "deals.created", data: { i: 4 }, workspace: " ACME " },
        ],
      });
      expect(data.map((r) => r.deliveries)).toEqual([1, 1, 1, 1, 1]);
      const places = await Promise.all(data.map((r) => placeOf(r.id)));
      const inAcme = { workspaceId: acme.id, deliveries: [[acme.id, hooks[acme.id]]] };
      const inDefault = { workspaceId: DEFAULT_WORKSPACE_ID, deliveries: [[DEFAULT_WORKSPACE_ID, hooks[DEFAULT_WORKSPACE_ID]]] };
      expect(places).toEqual([inAcme, inDefault, inDefault, inAcme, inAcme]);
      const payloads = await Promise.all(data.map(async (r) => (await database().prisma.event.findUniqueOrThrow({ where: { id: r.id } })).payload));
      expect(payloads).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }, { i: 3 }, { i: 4 }]);
    });

    it("a batch naming an unknown workspace is invalid at events.N.workspace, and writes none of it", async () => {
      await twoWorkspaces();
      const error = await refusal(
        publishBatchInto(asDefault(apiKey(["operator"])), {
          events: [
            { event: "deals.created", data: {} },
            { event: "deals.created", data: {}, workspace: "acme" },
            { event: "deals.created", data: {}, workspace: "nope" },
          ],
        }),
      );
      expect(error).toMatchObject({ kind: "invalid", issues: [{ path: "events.2.workspace" }] });
      expect(await database().prisma.event.count()).toBe(0);
    });

    it("a workspace's own credential naming another in a batch is forbidden (naming the index), and writes none of it", async () => {
      const { acme } = await twoWorkspaces();
      const error = await refusal(
        publishBatchInto(asDefault(apiKey(["events:publish"])), {
          events: [
            { event: "deals.created", data: {}, workspace: "default" },
            { event: "deals.created", data: {}, workspace: acme.slug },
          ],
        }),
      );
      expect(error).toMatchObject({ kind: "forbidden", message: expect.stringMatching(/^events\.1\.workspace: /) });
      expect(await database().prisma.event.count()).toBe(0);
      // Its own workspace, named or not, is fine.
      const { data } = await publishBatchInto(asDefault(apiKey(["events:publish"])), {
        events: [
          { event: "deals.created", data: {}, workspace: "default" },
          { event: "deals.created", data: {} },
        ],
      });
      expect(data).toHaveLength(2);
      expect(await database().prisma.event.count({ where: { workspaceId: DEFAULT_WORKSPACE_ID } })).toBe(2);
    });
  });
});
