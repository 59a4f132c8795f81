import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { PREPARED, pgAdapter, preparedName } from "@/lib/db/pg-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";

// The race the blip test met under load: the server's FATAL (pg_terminate_backend) arrives in the same
// read as the handshake's ReadyForQuery, so pg hands the connection to a transaction and emits the
// error before anybody listens. Here a relay in front of PostgreSQL appends that FATAL itself, every
// time, to the server's first ReadyForQuery on each connection.
const adminUrl = process.env.TEST_DATABASE_URL;

/** ErrorResponse: severity FATAL, SQLSTATE 57P01, as pg_terminate_backend sends it. */
function fatalTerminate(): Buffer {
  const fields = Buffer.concat([
    ...[
      ["S", "FATAL"],
      ["V", "FATAL"],
      ["C", "57P01"],
      ["M", "terminating connection due to administrator command"],
    ].map(([code, value]) => Buffer.from(`${code}${value}\0`)),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header.write("E", 0);
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

const READY_FOR_QUERY = Buffer.from([0x5a, 0, 0, 0, 5]); // 'Z', length 5, then the status byte

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

async function killingRelay(target: URL): Promise<string> {
  const server = net.createServer((inbound) => {
    const outbound = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [inbound, outbound]) s.on("error", () => {});
    inbound.pipe(outbound);
    let isKilled = false;
    outbound.on("data", (chunk: Buffer) => {
      if (isKilled) return;
      const at = chunk.indexOf(READY_FOR_QUERY);
      if (at < 0) return void inbound.write(chunk);
      isKilled = true;
      inbound.end(Buffer.concat([chunk.subarray(0, at + 6), fatalTerminate()]));
      outbound.destroy();
    });
    inbound.on("close", () => outbound.destroy());
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  closers.push(() => server.close());
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String((server.address() as net.AddressInfo).port);
  return url.toString();
}

describe.skipIf(!adminUrl)("pgAdapter", () => {
  it("a connection ended in the same read as its handshake fails the transaction, not the process", async () => {
    const prisma = new PrismaClient({ adapter: pgAdapter(await killingRelay(new URL(adminUrl as string))) });
    closers.push(() => void prisma.$disconnect());
    // An unheard `error` event would be thrown at the process, which Vitest reports as a failure.
    for (let i = 0; i < 3; i++) await expect(prisma.$transaction(async (tx) => tx.$queryRaw`select 1`)).rejects.toThrow();
    // The pool is still usable for plain queries, which fail the same way without ending anything.
    await expect(prisma.$queryRaw`select 1`).rejects.toThrow();
  });
});

describe("preparedName", () => {
  it("names only marked statements, by their text: one name per text, a different text another", () => {
    expect(preparedName({ sql: "select 1" })).toBe("");
    const a = preparedName({ sql: `${PREPARED} select $1::int` });
    expect(a).toMatch(/^hookline_[0-9a-f]{32}$/);
    expect(preparedName({ sql: `${PREPARED} select $1::int` })).toBe(a);
    expect(preparedName({ sql: `${PREPARED} select $1::text` })).not.toBe(a);
  });
});

describe.skipIf(!adminUrl)("prepared statements on PostgreSQL", () => {
  it("a marked statement stays prepared on its connection and is reused; an unmarked one is not kept", async () => {
    const prisma = new PrismaClient({ adapter: pgAdapter(adminUrl as string) });
    closers.push(() => void prisma.$disconnect());
    type TRow = { name: string; statement: string };
    let rows: TRow[] = [];
    for (let i = 0; i < 3; i++) {
      await prisma.$queryRawUnsafe("select 'not marked'");
      rows = await prisma.$queryRawUnsafe<TRow[]>(`${PREPARED} select name, statement from pg_prepared_statements`);
    }
    expect(rows.filter((r) => r.name.startsWith("hookline_"))).toEqual([
      {
        name: preparedName({ sql: `${PREPARED} select name, statement from pg_prepared_statements` }),
        statement: `${PREPARED} select name, statement from pg_prepared_statements`,
      },
    ]);
    expect(rows.some((r) => r.statement.includes("not marked"))).toBe(false);
  });
});

describe.skipIf(!adminUrl)("scripts on PostgreSQL", () => {
  it("a migration script runs whole, as PostgreSQL parses it: a function body and a comment with ';' in them", async () => {
    const adapter = await pgAdapter(adminUrl as string).connect();
    const name = `hookline_script_test_${process.pid}`;
    try {
      await adapter.executeScript(`-- a comment; with a semicolon
        CREATE OR REPLACE FUNCTION ${name}(x int) RETURNS int LANGUAGE plpgsql AS $$
        DECLARE y int;
        BEGIN y := x + 1; RETURN y; END $$;
        SELECT 1;`);
      const { rows } = await adapter.queryRaw({ sql: `select ${name}(41) as v`, args: [], argTypes: [] });
      expect(Number(rows[0]?.[0])).toBe(42);
      await expect(adapter.executeScript("select 1; select nonsense_column_xyz from nowhere_xyz;")).rejects.toThrow(/nowhere_xyz/);
    } finally {
      await adapter.executeScript(`DROP FUNCTION IF EXISTS ${name}(int)`);
      await adapter.dispose();
    }
  });
});
