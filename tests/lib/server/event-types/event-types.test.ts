import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { EVENT_CATALOG } from "@/lib/db/event-catalog";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { createEventType, knownEventTypes, listEventTypes } from "@/lib/server/event-types/event-types";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

describe.each(TEST_DATABASES)("event types on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("lists the catalog by group then name, with a host's own type among them", async () => {
    const created = await createEventType(ctx(), { name: " invoices.paid ", description: "An invoice was paid", group: "Billing" });
    expect(created).toEqual({ name: "invoices.paid", description: "An invoice was paid", group: "Billing", isCustom: true });
    const list = await listEventTypes(ctx());
    expect(list).toHaveLength(EVENT_CATALOG.length + 1);
    expect(list[0]).toEqual({ name: "invoices.paid", description: "An invoice was paid", group: "Billing", isCustom: true });
    // Each group is one run, in order (names within a group follow the database's collation).
    const groups = list.map((t) => t.group).filter((g, i, all) => g !== all[i - 1]);
    expect(groups).toEqual(["Billing", "Hookline", "Teamwork CRM", "Teamwork Spaces", "Twenty", "Worksection"]);
    expect(list[1]).toMatchObject({ name: "hookline.delivery.failed", group: "Hookline" });
    expect(list.find((t) => t.name === "deals.created")).toMatchObject({ group: "Teamwork CRM", isCustom: false });
    // The host's type is this workspace's own; the built-in catalog is unchanged.
    expect(await database().prisma.customEventType.findMany({ select: { workspaceId: true, name: true } })).toEqual([
      { workspaceId: DEFAULT_WORKSPACE_ID, name: "invoices.paid" },
    ]);
    expect(await database().prisma.eventType.count()).toBe(EVENT_CATALOG.length);
  });

  it("a host's type is known only in its workspace, and may be registered once there", async () => {
    const prisma = database().prisma;
    const other = otherCtx(prisma, await createOtherWorkspace(prisma));
    await createEventType(ctx(), { name: "invoices.paid", description: "An invoice was paid", group: "Billing" });
    expect(await knownEventTypes(ctx(), ["invoices.paid", "deals.created", "nope"])).toEqual(new Set(["invoices.paid", "deals.created"]));
    expect(await knownEventTypes(other, ["invoices.paid", "deals.created"])).toEqual(new Set(["deals.created"]));
    expect(await listEventTypes(other)).toHaveLength(EVENT_CATALOG.length);
    await expect(createEventType(ctx(), { name: "invoices.paid", description: "Again", group: "Billing" })).rejects.toMatchObject({
      kind: "conflict",
      message: 'Event type "invoices.paid" already exists',
    });
    // Another workspace may register the same name for itself.
    expect(await createEventType(other, { name: "invoices.paid", description: "Theirs", group: "Money" })).toEqual({
      name: "invoices.paid",
      description: "Theirs",
      group: "Money",
      isCustom: true,
    });
    expect((await listEventTypes(ctx())).find((t) => t.name === "invoices.paid")).toMatchObject({ description: "An invoice was paid" });
    expect(await prisma.customEventType.count()).toBe(2);
  });

  it("refuses a name in the catalog as a conflict, and bad input, writing nothing", async () => {
    const before = await database().prisma.eventType.findUniqueOrThrow({ where: { name: "deals.created" } });
    await expect(createEventType(ctx(), { name: "deals.created", description: "Changed", group: "Other" })).rejects.toMatchObject({
      kind: "conflict",
      code: "conflict",
      message: 'Event type "deals.created" already exists',
    });
    for (const [input, field] of [
      [{ name: "ping", description: "d", group: "g" }, "name"],
      [{ name: "has space", description: "d", group: "g" }, "name"],
      [{ name: "ok.name", description: "", group: "g" }, "description"],
      [{ name: "ok.name", description: "d", group: "x".repeat(61) }, "group"],
    ] as const) {
      const error = await createEventType(ctx(), input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues[0]?.path).toEqual([field]);
    }
    expect(await database().prisma.eventType.count()).toBe(EVENT_CATALOG.length);
    expect(await database().prisma.customEventType.count()).toBe(0);
    expect(await database().prisma.eventType.findUniqueOrThrow({ where: { name: "deals.created" } })).toEqual(before);
  });
});
