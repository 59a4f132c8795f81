import { describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";

// Each test's database is one its worker emptied after the last test (tests/helpers/databases.ts):
// these run in order and check that nothing of the one before is left, the seed is whole again,
// and a database a test closed acts closed.
describe.each(TEST_DATABASES)("a test's database, on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const marker = "left-by-the-previous-test@example.com";

  it("a test writes rows, changes the seed and closes its database", async () => {
    const { prisma } = db();
    await prisma.user.create({ data: { email: marker, passwordHash: "h" } });
    await prisma.workspace.update({ where: { id: DEFAULT_WORKSPACE_ID }, data: { name: "Renamed" } });
    await prisma.eventType.deleteMany({});
    await db().close();
    await expect(prisma.user.count()).rejects.toThrow();
  });

  it("the next test finds none of it: no rows left, the migrated seed back", async () => {
    const { prisma } = db();
    expect(await prisma.user.count()).toBe(0);
    expect((await prisma.workspace.findUniqueOrThrow({ where: { id: DEFAULT_WORKSPACE_ID } })).name).toBe("Default");
    expect(await prisma.eventType.count()).toBeGreaterThan(0);
  });

  it("and a database whose schema a test changed is not handed on", async () => {
    await db().prisma.$executeRawUnsafe('create table "LeftBehind" (id int)');
  });

  it("so the next test has the schema as migrated", async () => {
    const tables = await db().prisma.$queryRawUnsafe<{ n: number }[]>(
      "select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name = 'LeftBehind'",
    );
    expect(tables[0]?.n).toBe(0);
  });
});
