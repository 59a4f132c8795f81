import { describe, expect, it } from "vitest";
import { EVENT_CATALOG } from "@/lib/db/event-catalog";
import { seedEventTypes } from "@/lib/db/seed-event-types";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";

describe.each(TEST_DATABASES)("seedEventTypes on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const rows = () => db().prisma.eventType.findMany({ select: { name: true, group: true, description: true }, orderBy: { name: "asc" } });
  const catalog = [...EVENT_CATALOG].sort((a, b) => (a.name < b.name ? -1 : 1));

  it("a freshly opened database holds the whole catalog, and seeding again adds nothing", async () => {
    expect(await rows()).toEqual(catalog.map(({ name, group, description }) => ({ name, group, description })));
    expect(await seedEventTypes(db().prisma)).toBe(0);
    expect(await seedEventTypes(db().prisma)).toBe(0);
    expect(await db().prisma.eventType.count()).toBe(EVENT_CATALOG.length);
  });

  it("adds back only missing names, leaving changed descriptions and hosts' own types alone", async () => {
    const prisma = db().prisma;
    await prisma.eventType.update({ where: { name: "deals.created" }, data: { description: "A deal our host describes its own way" } });
    await prisma.eventType.create({ data: { name: "invoices.paid", group: "Billing", description: "Invoice paid" } });
    await prisma.eventType.deleteMany({ where: { name: { in: ["deals.deleted", "page.created"] } } });
    const createdAt = (await prisma.eventType.findUniqueOrThrow({ where: { name: "deals.created" } })).createdAt;

    expect(await seedEventTypes(prisma)).toBe(2);
    expect(await prisma.eventType.count()).toBe(EVENT_CATALOG.length + 1);
    expect(await prisma.eventType.findUniqueOrThrow({ where: { name: "deals.created" } })).toMatchObject({
      description: "A deal our host describes its own way",
      createdAt,
    });
    expect(await prisma.eventType.findUniqueOrThrow({ where: { name: "invoices.paid" } })).toMatchObject({ group: "Billing", description: "Invoice paid" });
    const restored = EVENT_CATALOG.find((e) => e.name === "deals.deleted");
    expect(await prisma.eventType.findUniqueOrThrow({ where: { name: "deals.deleted" }, select: { name: true, group: true, description: true } })).toEqual(
      restored,
    );
    expect(await seedEventTypes(prisma)).toBe(0);
  });
});
