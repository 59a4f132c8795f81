import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBodyBudget } from "@/lib/http/body-budget";
import { AUTH_MAX_BODY_BYTES, bodyCapFor, limitRequestBody, type TBodyLimits } from "@/lib/http/body-limit";
import { head, rawConnection } from "../../helpers/raw-http";

const CAP = 64 * 1024;
const MiB = 1024 * 1024;

/** A server with the limit in front of a handler that echoes the body's length and a hash-free sample. */
let server: http.Server;
let port: number;
let handled = 0;
beforeAll(async () => {
  server = http.createServer((req, res) =>
    limitRequestBody(req, res, { cap: CAP, budget: createBodyBudget(64 * MiB), idleMs: 10_000 }, async (r, s) => {
      handled += 1;
      const chunks: Buffer[] = [];
      for await (const c of r) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks);
      s.end(JSON.stringify({ length: body.length, head: body.subarray(0, 8).toString() }));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** POSTs `total` bytes in 64 KiB chunks, chunked or with a declared length; resolves with the status. */
function post(total: number, { declare }: { declare: boolean }): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/api/v1/events",
      headers: declare ? { "content-length": String(total) } : { "transfer-encoding": "chunked" },
    });
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (sent < total) {
        const part = total - sent >= chunk.length ? chunk : chunk.subarray(0, total - sent);
        sent += part.length;
        if (!req.write(part)) return void req.once("drain", pump);
      }
      req.end();
    };
    req.on("response", (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, sent }));
      res.on("error", reject);
    });
    // The server may close the connection while we are still sending: that is the point.
    req.on("error", () => {});
    pump();
  });
}

describe("bodyCapFor", () => {
  it("gives next-auth's routes the small cap and every other path the default", () => {
    expect(bodyCapFor("/api/auth/callback/credentials", MiB)).toBe(AUTH_MAX_BODY_BYTES);
    expect(bodyCapFor("/api/auth", MiB)).toBe(AUTH_MAX_BODY_BYTES);
    expect(bodyCapFor("/api/authors", MiB)).toBe(MiB);
    expect(bodyCapFor("/api/v1/events", MiB)).toBe(MiB);
    expect(bodyCapFor("/api/auth/signin", 1_000)).toBe(1_000);
  });
});

describe("limitRequestBody", () => {
  it("passes bodies within the cap through whole, chunked or declared", async () => {
    for (const declare of [true, false]) {
      const result = await post(CAP, { declare });
      expect(result.status).toBe(200);
      expect(JSON.parse(result.body)).toEqual({ length: CAP, head: "aaaaaaaa" });
    }
  });

  it("refuses a declared length over the cap at once, without reading it", async () => {
    const before = handled;
    const result = await post(200 * MiB, { declare: true });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body).error.code).toBe("too_large");
    expect(result.sent).toBeLessThan(200 * MiB);
    expect(handled).toBe(before);
  });

  it("refuses a chunked body once its bytes pass the cap, and never holds more than the cap", async () => {
    const before = handled;
    global.gc?.();
    const rss = process.memoryUsage().rss;
    const results = await Promise.all([0, 1, 2].map(() => post(200 * MiB, { declare: false })));
    for (const r of results) expect(r.status).toBe(413);
    expect(handled).toBe(before);
    // The client stops when the server hangs up: nowhere near 200 MiB was sent or kept.
    for (const r of results) expect(r.sent).toBeLessThan(50 * MiB);
    expect(process.memoryUsage().rss - rss).toBeLessThan(50 * MiB);
  });

  it("lets a request without a body straight through", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/x`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ length: 0, head: "" });
  });
});

/** A server whose handler answers only when the test says so, so a request can be held in flight. */
async function heldServer(limits: Omit<TBodyLimits, "cap"> & { cap?: number }) {
  const waiting: (() => void)[] = [];
  let handled = 0;
  const s = http.createServer((req, res) =>
    limitRequestBody(req, res, { cap: CAP, ...limits }, async (r, out) => {
      handled += 1;
      let length = 0;
      for await (const c of r) length += (c as Buffer).length;
      await new Promise<void>((resolve) => waiting.push(resolve));
      out.end(JSON.stringify({ length }));
    }),
  );
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const p = (s.address() as AddressInfo).port;
  return {
    port: p,
    handled: () => handled,
    answerAll: () => {
      for (const resolve of waiting.splice(0)) resolve();
    },
    close: () =>
      new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections(); // lingering refusals would otherwise hold close() for seconds
      }),
  };
}

const postHead = (length: number | "chunked") =>
  head("POST /api/v1/events HTTP/1.1", length === "chunked" ? { host: "x", "transfer-encoding": "chunked" } : { host: "x", "content-length": length });
const until = async (check: () => boolean, ms = 5_000) => {
  for (const t0 = Date.now(); !check(); await new Promise((r) => setTimeout(r, 10))) if (Date.now() - t0 > ms) throw new Error("timed out");
};

describe("limitRequestBody's shared budget", () => {
  it("holds a declared body's length from its first byte until its response is done", async () => {
    const budget = createBodyBudget(4 * CAP);
    const server = await heldServer({ budget, idleMs: 10_000 });
    try {
      const c = rawConnection(server.port, postHead(CAP));
      await until(() => budget.reserved === CAP); // reserved before a byte of the body arrived
      c.write(Buffer.alloc(CAP, 0x61));
      await until(() => server.handled() === 1);
      // Handed on, not yet answered: the handler may still be authenticating; still reserved.
      expect(budget.reserved).toBe(CAP);
      server.answerAll();
      expect((await c.response).body).toBe(JSON.stringify({ length: CAP }));
      await until(() => budget.reserved === 0);
      c.socket.destroy();
    } finally {
      await server.close();
    }
  });

  it("refuses a body that does not fit with 503 and Retry-After, keeping nothing of it, and admits bodies again once room is back", async () => {
    const budget = createBodyBudget(2 * CAP);
    const server = await heldServer({ budget, idleMs: 10_000 });
    try {
      const holders = [rawConnection(server.port, postHead(CAP)), rawConnection(server.port, postHead(CAP))];
      for (const h of holders) h.write(Buffer.alloc(CAP / 2)); // half sent, then stalled
      await until(() => budget.reserved === 2 * CAP);
      const refused = rawConnection(server.port, postHead(CAP));
      refused.write(Buffer.alloc(CAP, 0x62));
      const answer = await refused.response;
      expect(answer.status).toBe(503);
      expect(answer.headers["retry-after"]).toBe("10");
      expect(JSON.parse(answer.body).error.code).toBe("unavailable");
      expect(budget.reserved).toBe(2 * CAP); // the refused body took nothing
      // A chunked body reserves as it grows, and is refused once it outgrows what is left.
      const chunked = rawConnection(server.port, postHead("chunked"));
      chunked.write(`${(1024).toString(16)}\r\n${"c".repeat(1024)}\r\n`);
      expect((await chunked.response).status).toBe(503);
      expect(server.handled()).toBe(0);
      // One holder hangs up: its reservation comes back, and the next body fits.
      holders[0]?.socket.destroy();
      await until(() => budget.reserved === CAP);
      const next = rawConnection(server.port, postHead(100));
      next.write(Buffer.alloc(100));
      await until(() => server.handled() === 1);
      server.answerAll();
      expect((await next.response).status).toBe(200);
      for (const c of [holders[1], refused, chunked, next]) c?.socket.destroy();
      await until(() => budget.reserved === 0);
    } finally {
      await server.close();
    }
  });

  it("gives back what a refused body reserved: over the cap, declared or streamed", async () => {
    const budget = createBodyBudget(8 * CAP);
    const server = await heldServer({ budget, idleMs: 10_000 });
    try {
      const declared = rawConnection(server.port, postHead(CAP + 1));
      expect((await declared.response).status).toBe(413);
      const streamed = rawConnection(server.port, postHead("chunked"));
      streamed.write(`${(CAP / 2).toString(16)}\r\n${"a".repeat(CAP / 2)}\r\n`);
      await until(() => budget.reserved === CAP / 2);
      streamed.write(`${CAP.toString(16)}\r\n${"a".repeat(CAP)}\r\n`);
      expect((await streamed.response).status).toBe(413);
      expect(budget.reserved).toBe(0);
      for (const c of [declared, streamed]) c.socket.destroy();
    } finally {
      await server.close();
    }
  });
});

describe("limitRequestBody's idle timeout", () => {
  it("answers a body that stops sending with 408, closes its connection and gives back its reservation", async () => {
    const budget = createBodyBudget(4 * CAP);
    const server = await heldServer({ budget, idleMs: 300 });
    try {
      const c = rawConnection(server.port, postHead(CAP));
      c.write(Buffer.alloc(CAP - 10));
      await until(() => budget.reserved === CAP);
      const t0 = Date.now();
      const answer = await c.response;
      expect(answer.status).toBe(408);
      expect(JSON.parse(answer.body).error.code).toBe("request_timeout");
      expect(answer.headers.connection).toBe("close");
      await c.closed;
      expect(Date.now() - t0).toBeLessThan(2_000);
      expect(budget.reserved).toBe(0);
      expect(server.handled()).toBe(0);
    } finally {
      await server.close();
    }
  });

  it("lets a slow body through as long as bytes keep coming: each one restarts the clock", async () => {
    const budget = createBodyBudget(4 * CAP);
    const server = await heldServer({ budget, idleMs: 300 });
    try {
      const c = rawConnection(server.port, postHead(10));
      for (let i = 0; i < 10; i++) {
        await new Promise((r) => setTimeout(r, 100)); // 1 s in all, far past the idle limit
        c.write("x");
      }
      await until(() => server.handled() === 1);
      server.answerAll();
      expect((await c.response).status).toBe(200);
      c.socket.destroy();
      await until(() => budget.reserved === 0);
    } finally {
      await server.close();
    }
  });
});
