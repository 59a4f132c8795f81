import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { EVENT_CATALOG } from "@/lib/db/event-catalog";
import { catalogModel } from "@/lib/db/event-examples";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { createEventType, getEventType, knownEventTypes, listEventTypes, updateEventType } from "@/lib/server/event-types/event-types";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

describe.each(TEST_DATABASES)("event types on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("lists the catalog by group then name, with a host's own type among them", async () => {
    const created = await createEventType(ctx(), { name: " invoices.paid ", description: "An invoice was paid", group: "Billing" });
    const own = { name: "invoices.paid", description: "An invoice was paid", group: "Billing", isCustom: true, hasSchema: false, hasExample: false };
    expect(created).toEqual({ ...own, schema: null, example: null });
    const list = await listEventTypes(ctx());
    expect(list).toHaveLength(EVENT_CATALOG.length + 1);
    expect(list[0]).toEqual(own);
    // Each group is one run, in order (names within a group follow the database's collation).
    const groups = list.map((t) => t.group).filter((g, i, all) => g !== all[i - 1]);
    expect(groups).toEqual(["Billing", "Hookline", "Teamwork CRM", "Teamwork Spaces", "Twenty", "Worksection"]);
    expect(list[1]).toMatchObject({ name: "hookline.delivery.failed", group: "Hookline" });
    expect(list.find((t) => t.name === "deals.created")).toEqual({
      name: "deals.created",
      description: "Deal created",
      group: "Teamwork CRM",
      isCustom: false,
      hasSchema: true,
      hasExample: true,
    });
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
    expect(await createEventType(other, { name: "invoices.paid", description: "Theirs", group: "Money" })).toMatchObject({
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

  const invoice = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object",
    properties: { id: { type: "string" }, amount: { type: "number", minimum: 0 } },
    required: ["id", "amount"],
  };

  it("a host's type may carry a JSON Schema and an example; GET gives both, the list says they exist", async () => {
    const created = await createEventType(ctx(), {
      name: "invoices.paid",
      description: "An invoice was paid",
      group: "Billing",
      schema: invoice,
      example: { id: "in_1", amount: 120 },
    });
    expect(created).toMatchObject({ hasSchema: true, hasExample: true, schema: invoice, example: { id: "in_1", amount: 120 } });
    expect(await getEventType(ctx(), "invoices.paid")).toEqual(created);
    expect((await listEventTypes(ctx())).find((t) => t.name === "invoices.paid")).toMatchObject({ hasSchema: true, hasExample: true });
    expect(await getEventType(ctx(), "invoices.paid")).not.toHaveProperty("workspaceId");
    // Built-in types give the catalog's model.
    const deal = await getEventType(ctx(), "deals.created");
    expect(deal).toMatchObject({ isCustom: false, description: "Deal created" });
    expect(deal.schema).toEqual(catalogModel({ name: "deals.created", group: "Teamwork CRM" })?.schema);
    await expect(getEventType(ctx(), "nope.nothing")).rejects.toMatchObject({ kind: "not_found" });
    // Another workspace does not see this one's type.
    const other = otherCtx(database().prisma, await createOtherWorkspace(database().prisma));
    await expect(getEventType(other, "invoices.paid")).rejects.toMatchObject({ kind: "not_found" });
  });

  it("refuses a schema that does not compile and an example that breaks the schema, naming the field, writing nothing", async () => {
    const base = { name: "invoices.paid", description: "d", group: "g" };
    await expect(createEventType(ctx(), { ...base, schema: { type: "nope" } })).rejects.toMatchObject({
      kind: "invalid",
      issues: [{ path: "schema", message: expect.stringMatching(/^schema is not a valid JSON Schema: schema\.type must be equal/) }],
    });
    await expect(createEventType(ctx(), { ...base, schema: { type: "string", pattern: "(a+)+$" } })).rejects.toMatchObject({
      issues: [{ path: "schema", message: expect.stringMatching(/could take exponential time/) }],
    });
    await expect(createEventType(ctx(), { ...base, schema: invoice, example: { id: 1, amount: -5 } })).rejects.toMatchObject({
      kind: "invalid",
      issues: [
        { path: "example.id", message: "The example does not match the schema: example.id must be string" },
        { path: "example.amount", message: "The example does not match the schema: example.amount must be >= 0" },
      ],
    });
    const notObject = await createEventType(ctx(), { ...base, schema: [1] }).catch((e: unknown) => e);
    expect((notObject as ZodError).issues[0]).toMatchObject({ path: ["schema"], message: 'schema must be a JSON Schema object, such as { "type": "object" }' });
    expect(await database().prisma.customEventType.count()).toBe(0);
  });

  it("PATCH changes a host's own type, checking the pair that results; the catalog's types cannot be changed", async () => {
    await createEventType(ctx(), { name: "invoices.paid", description: "d", group: "g", schema: invoice, example: { id: "in_1", amount: 1 } });
    expect(await updateEventType(ctx(), "invoices.paid", { description: "Paid", example: { id: "in_2", amount: 2 } })).toMatchObject({
      description: "Paid",
      example: { id: "in_2", amount: 2 },
      schema: invoice,
    });
    // A new schema must accept the example that stays.
    await expect(updateEventType(ctx(), "invoices.paid", { schema: { ...invoice, required: ["id", "amount", "currency"] } })).rejects.toMatchObject({
      issues: [{ path: "example", message: "The example does not match the schema: example must have required property 'currency'" }],
    });
    expect(await updateEventType(ctx(), "invoices.paid", { schema: null })).toMatchObject({ hasSchema: false, schema: null, hasExample: true });
    expect(await updateEventType(ctx(), "invoices.paid", { example: null })).toMatchObject({ hasExample: false, example: null });
    const row = await database().prisma.customEventType.findFirstOrThrow({ where: { name: "invoices.paid" } });
    expect([row.schema, row.example]).toEqual([null, null]);
    await expect(updateEventType(ctx(), "deals.created", { description: "Mine" })).rejects.toMatchObject({ kind: "conflict", code: "built_in" });
    await expect(updateEventType(ctx(), "nope.nothing", { description: "x" })).rejects.toMatchObject({ kind: "not_found" });
    const empty = await updateEventType(ctx(), "invoices.paid", {}).catch((e: unknown) => e);
    expect((empty as ZodError).issues[0]?.message).toBe("Change at least one of description, group, schema, example");
    const entries = await database().prisma.auditEntry.findMany({ where: { action: "event_type.updated" }, orderBy: { at: "asc" } });
    expect(entries.map((e) => e.changes)).toEqual([
      { description: { from: "d", to: "Paid" }, example: "changed" },
      { schema: "changed" },
      { example: "changed" },
    ]);
  });
});
