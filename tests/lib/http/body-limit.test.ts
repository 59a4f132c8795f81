import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_MAX_BODY_BYTES, bodyCapFor, limitRequestBody } from "@/lib/http/body-limit";

const CAP = 64 * 1024;
const MiB = 1024 * 1024;

/** A server with the limit in front of a handler that echoes the body's length and a hash-free sample. */
let server: http.Server;
let port: number;
let handled = 0;
beforeAll(async () => {
  server = http.createServer((req, res) =>
    limitRequestBody(req, res, CAP, async (r, s) => {
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
