import { describe, expect, it } from "vitest";
import type { TWorkspaceContext } from "@/lib/db/workspace-context";
import { publishEvent } from "@/lib/delivery/publish-event";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { adminWorkspaceOf, type TEntityKind } from "@/lib/server/workspaces/locate-entity";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createMember, createOtherWorkspace, defaultCtx, otherCtx } from "../../../helpers/workspace";

const MISSING = "00000000-0000-4000-8000-00000000beef";
const KINDS: TEntityKind[] = ["webhook", "delivery", "event"];

describe.each(TEST_DATABASES)("adminWorkspaceOf on $name", (backend) => {
  const database = freshDatabasePerTest(backend);

  /** A webhook, an event and its delivery in the context's workspace. */
  async function entitiesIn(ctx: TWorkspaceContext): Promise<Record<TEntityKind, string>> {
    const prisma = database().prisma;
    const hook = await createWebhook(ctx, { url: `http://127.0.0.1:9/${ctx.workspace.slug}`, events: ["deals.created"] });
    await prisma.webhook.update({ where: { id: hook.id }, data: { enabled: true } });
    const { id: eventId } = await publishEvent(ctx, { event: "deals.created", data: {} });
    const delivery = await prisma.delivery.findFirstOrThrow({ where: { eventId }, select: { id: true } });
    return { webhook: hook.id, delivery: delivery.id, event: eventId };
  }

  it("finds the workspace of a webhook, delivery or event where the user is an admin member", async () => {
    const prisma = database().prisma;
    const acme = await createOtherWorkspace(prisma, "acme");
    const inAcme = await entitiesIn(otherCtx(prisma, acme));
    const inDefault = await entitiesIn(await defaultCtx());
    const ada = await createMember(prisma, "ada@example.com", "ADMIN", { workspaceId: acme.id });
    await prisma.membership.create({ data: { workspaceId: DEFAULT_WORKSPACE_ID, userId: ada.id, role: "ADMIN" } });
    for (const kind of KINDS) {
      expect(await adminWorkspaceOf(prisma, ada.id, kind, inAcme[kind]), kind).toBe(acme.id);
      expect(await adminWorkspaceOf(prisma, ada.id, kind, inDefault[kind]), kind).toBe(DEFAULT_WORKSPACE_ID);
    }
  });

  it("is null where the user is only a member, or not in the entity's workspace at all", async () => {
    const prisma = database().prisma;
    const acme = await createOtherWorkspace(prisma, "acme");
    const inAcme = await entitiesIn(otherCtx(prisma, acme));
    const member = await createMember(prisma, "member@example.com", "MEMBER", { workspaceId: acme.id });
    const outsider = await createMember(prisma, "outsider@example.com", "ADMIN"); // an admin of Default only
    // Another admin of Acme does not make them one.
    await createMember(prisma, "acme-admin@example.com", "ADMIN", { workspaceId: acme.id });
    for (const kind of KINDS) {
      expect(await adminWorkspaceOf(prisma, member.id, kind, inAcme[kind]), kind).toBeNull();
      expect(await adminWorkspaceOf(prisma, outsider.id, kind, inAcme[kind]), kind).toBeNull();
    }
  });

  it("is null for an id of another kind, an unknown id, and a value that is not a UUID (without a database error)", async () => {
    const prisma = database().prisma;
    const inDefault = await entitiesIn(await defaultCtx());
    const ada = await createMember(prisma, "ada@example.com", "ADMIN");
    expect(await adminWorkspaceOf(prisma, ada.id, "event", inDefault.webhook)).toBeNull();
    expect(await adminWorkspaceOf(prisma, ada.id, "webhook", inDefault.delivery)).toBeNull();
    expect(await adminWorkspaceOf(prisma, ada.id, "delivery", inDefault.event)).toBeNull();
    for (const kind of KINDS) {
      expect(await adminWorkspaceOf(prisma, ada.id, kind, MISSING), kind).toBeNull();
      for (const id of ["not-a-uuid", `${inDefault[kind]}0`, ""]) expect(await adminWorkspaceOf(prisma, ada.id, kind, id), `${kind} ${id}`).toBeNull();
    }
  });
});
