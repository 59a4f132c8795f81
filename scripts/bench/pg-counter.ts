// What the database does per delivery, measured from outside the processes under test: a TCP relay
// in front of PostgreSQL that counts the statements its clients send (simple-protocol Query messages
// and extended-protocol Execute messages), PostgreSQL's WAL position, and the CPU time of every
// postgres process on this machine. (pg_stat_statements would count statements too, but it needs a
// server restart with shared_preload_libraries; this works against any local server.)
import fs from "node:fs";
import net from "node:net";
import pg from "pg";
import { cpuTicks, TICKS_PER_S } from "./proc";

export type TDbCost = { statements: number; walBytes: number; cpuSeconds: number };

/** CPU time of the processes named postgres so far (seconds). */
function postgresCpuSeconds(): number {
  let ticks = 0;
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres") ticks += cpuTicks(pid);
    } catch {} // gone meanwhile
  }
  return ticks / TICKS_PER_S;
}

/** Counts the statements of one client connection's byte stream, message by message. */
function statementCounter(onStatement: () => void): (chunk: Buffer) => void {
  let pending: Buffer = Buffer.alloc(0);
  let isStarted = false; // the startup message has no type byte
  return (chunk) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (!isStarted) {
        if (pending.length < 4) return;
        const length = pending.readInt32BE(0);
        if (pending.length < length) return;
        pending = pending.subarray(length);
        isStarted = true;
        continue;
      }
      if (pending.length < 5) return;
      const length = pending.readInt32BE(1);
      if (pending.length < 1 + length) return;
      const type = String.fromCharCode(pending[0] as number);
      if (type === "Q" || type === "E") onStatement();
      pending = pending.subarray(1 + length);
    }
  };
}

/** A relay to the PostgreSQL of `serverUrl`; `url(database)` is how processes reach a database through it. */
export async function startPgCounter(serverUrl: string) {
  const target = new URL(serverUrl);
  let statements = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((inbound) => {
    const outbound = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {});
    }
    const count = statementCounter(() => statements++);
    inbound.on("data", count);
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as net.AddressInfo).port;
  const walLsn = async (): Promise<bigint> => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      const { rows } = await client.query("select pg_current_wal_lsn() - '0/0'::pg_lsn as bytes");
      return BigInt(rows[0].bytes);
    } finally {
      await client.end();
    }
  };
  return {
    /** The URL of `databaseUrl`'s database, through the relay. */
    through: (databaseUrl: string) => {
      const u = new URL(databaseUrl);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    /** Starts a measurement; the returned function ends it. */
    measure: async (): Promise<() => Promise<TDbCost>> => {
      const s0 = statements;
      const w0 = await walLsn();
      const c0 = postgresCpuSeconds();
      return async () => ({ statements: statements - s0, walBytes: Number((await walLsn()) - w0), cpuSeconds: postgresCpuSeconds() - c0 });
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
