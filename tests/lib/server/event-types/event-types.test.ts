import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { EVENT_CATALOG } from "@/lib/db/event-catalog";
import { createEventType, listEventTypes } from "@/lib/server/event-types/event-types";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

describe.each(TEST_DATABASES)("event types on $name", (backend) => {
  const database = freshDatabasePerTest(backend);

  it("lists the catalog by group then name, with a host's own type among them", async () => {
    const created = await createEventType({ name: " invoices.paid ", description: "An invoice was paid", group: "Billing" });
    expect(created).toEqual({ name: "invoices.paid", description: "An invoice was paid", group: "Billing" });
    const list = await listEventTypes();
    expect(list).toHaveLength(EVENT_CATALOG.length + 1);
    expect(list[0]).toEqual({ name: "invoices.paid", description: "An invoice was paid", group: "Billing" });
    // Each group is one run, in order (names within a group follow the database's collation).
    const groups = list.map((t) => t.group).filter((g, i, all) => g !== all[i - 1]);
    expect(groups).toEqual(["Billing", "Teamwork CRM", "Teamwork Spaces", "Twenty", "Worksection"]);
    expect(list[1]).toMatchObject({ name: "activities.created", group: "Teamwork CRM" });
    expect(list.find((t) => t.name === "deals.created")).toMatchObject({ group: "Teamwork CRM" });
  });

  it("refuses a name in the catalog as a conflict, and bad input, writing nothing", async () => {
    const before = await database().prisma.eventType.findUniqueOrThrow({ where: { name: "deals.created" } });
    await expect(createEventType({ name: "deals.created", description: "Changed", group: "Other" })).rejects.toMatchObject({
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
      const error = await createEventType(input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues[0]?.path).toEqual([field]);
    }
    expect(await database().prisma.eventType.count()).toBe(EVENT_CATALOG.length);
    expect(await database().prisma.eventType.findUniqueOrThrow({ where: { name: "deals.created" } })).toEqual(before);
  });
});
