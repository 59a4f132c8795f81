import { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, it } from "vitest";
import { inMemoryShadow, pgliteAdapterFactory, yieldBetweenQueries } from "@/lib/db/pglite-adapter";

/** How many event-loop turns (setImmediate callbacks) ran while `work` ran. */
async function turnsDuring(work: () => Promise<void>): Promise<number> {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  await work();
  running = false;
  return turns;
}

describe("pglite-adapter", () => {
  const open: PGlite[] = [];
  afterEach(async () => {
    for (const db of open.splice(0)) await db.close();
  });
  const pglite = async () => {
    const db = await PGlite.create();
    open.push(db);
    return db;
  };
  const burst = (db: PGlite) => async () => {
    for (let i = 0; i < 50; i++) await db.query("select $1::int as n", [i]);
    await db.transaction(async (tx) => {
      await tx.query("select 1");
    });
  };

  it("yieldBetweenQueries gives the event loop a turn before every query, so I/O interleaves with a burst", async () => {
    const plain = await pglite();
    const yielding = yieldBetweenQueries(await pglite());
    const withoutYield = await turnsDuring(burst(plain));
    const withYield = await turnsDuring(burst(yielding));
    expect(withYield).toBeGreaterThanOrEqual(50);
    expect(withYield).toBeGreaterThan(withoutYield);
    expect((await yielding.query<{ n: number }>("select 7 as n")).rows).toEqual([{ n: 7 }]);
  });

  it("a failing script rejects (the upstream adapter left it unawaited and recorded the migration as applied)", async () => {
    const db = await pglite();
    const adapter = await pgliteAdapterFactory(db).connect();
    await adapter.executeScript('create table "Ok" (id int);');
    await expect(adapter.executeScript('select * from "no_such_table";')).rejects.toThrow(/TableDoesNotExist|no_such_table/);
    expect((await db.query('select count(*)::int as n from "Ok"')).rows).toEqual([{ n: 0 }]);
  });

  it("the shadow database is a fresh in-memory PGlite that closes when disposed", async () => {
    const main = await pglite();
    await main.exec('create table "OnlyInMain" (id int)');
    const shadow = await pgliteAdapterFactory(main).connectToShadowDb();
    const result = await shadow.queryRaw({ sql: "select count(*)::int as n from pg_tables where tablename = 'OnlyInMain'", args: [], argTypes: [] });
    expect(result.rows).toEqual([[0]]);
    await shadow.dispose();
    await expect(shadow.queryRaw({ sql: "select 1", args: [], argTypes: [] })).rejects.toThrow();
    const another = await inMemoryShadow();
    await another.executeScript("create table t (id int)");
    await another.dispose();
  });
});
