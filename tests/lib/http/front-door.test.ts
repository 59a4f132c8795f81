import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBodyBudget } from "@/lib/http/body-budget";
import { AUTH_MAX_BODY_BYTES } from "@/lib/http/body-limit";
import { frontDoor } from "@/lib/http/front-door";
import { pathOf } from "@/lib/http/request-target";
import { serveFetch } from "@/lib/http/serve-fetch";
import { head, rawRequest } from "../../helpers/raw-http";

let server: http.Server;
let base: string;
let port: number;
const seen: {
  method?: string;
  forwardedFor?: string | string[];
  realIp?: string | string[];
  forwardedHost?: string | string[];
  forwardedProto?: string | string[];
  length: number;
}[] = [];
beforeAll(async () => {
  const budget = createBodyBudget(16 * 1024 * 1024);
  server = http.createServer(
    frontDoor({ trustedProxies: 0, maxBodyBytes: 256 * 1024, budget, idleMs: 10_000 }, async (req, res) => {
      // As scripts/serve.ts does: a few routes answered with a Fetch handler, the rest by Next.
      if (pathOf(req.url) === "/api/v1/events/batch" || pathOf(req.url).startsWith("/api/admin/v2")) {
        return void serveFetch(async (request) => Response.json({ url: request.url, body: await request.text() }, { status: 202 }), req, res);
      }
      let length = 0;
      for await (const c of req) length += (c as Buffer).length;
      seen.push({
        method: req.method,
        forwardedFor: req.headers["x-forwarded-for"],
        realIp: req.headers["x-real-ip"],
        forwardedHost: req.headers["x-forwarded-host"],
        forwardedProto: req.headers["x-forwarded-proto"],
        length,
      });
      res.end("ok");
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Raw request, so that methods fetch refuses (TRACE) can be sent. */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: Buffer) {
  return new Promise<{ status: number; allow?: string; frame?: string }>((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, frame: res.headers["x-frame-options"] as string }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("frontDoor", () => {
  it("405 with Allow for methods no route serves, before the handler", async () => {
    const before = seen.length;
    for (const method of ["TRACE", "PROPFIND", "MKCOL", "LOCK"]) {
      const res = await raw(method, "/api/v1/webhooks");
      expect(res.status, method).toBe(405);
      expect(res.allow).toContain("GET");
      expect(res.frame).toBe("DENY"); // answers made before Next carry the security headers too
    }
    expect(seen.length).toBe(before);
  });

  it("replaces forwarded addresses a client sent with the socket's, and drops its forwarded host and scheme", async () => {
    await raw("GET", "/", { "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.9", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(seen.at(-1)).toMatchObject({ forwardedFor: "127.0.0.1", realIp: undefined, forwardedHost: undefined, forwardedProto: undefined });
  });

  it("caps sign-in bodies far below the default, and other bodies at the default", async () => {
    expect(await raw("POST", "/api/auth/callback/credentials", {}, Buffer.alloc(AUTH_MAX_BODY_BYTES + 1))).toMatchObject({ status: 413, frame: "DENY" });
    expect((await raw("POST", "/api/auth/callback/credentials?x=1", {}, Buffer.alloc(1_000))).status).toBe(200);
    expect((await raw("POST", "/api/v1/events", {}, Buffer.alloc(200 * 1024))).status).toBe(200);
    expect(seen.at(-1)?.length).toBe(200 * 1024);
    expect((await raw("POST", "/api/v1/events", {}, Buffer.alloc(256 * 1024 + 1))).status).toBe(413);
  });

  it("400, never 500, for an absolute-form target or a malformed Host, on direct routes and Next's alike, before any handler", async () => {
    const before = seen.length;
    const body = '{"event":"deals.created","data":{}}';
    const json = { "content-type": "application/json", "content-length": body.length };
    for (const path of ["/api/v1/events/batch", "/api/v1/webhooks", "/"]) {
      for (const [line, host] of [
        [`POST http://x${path} HTTP/1.1`, "x"],
        [`POST http://127.0.0.1:${port}${path} HTTP/1.1`, `127.0.0.1:${port}`],
        [`POST ${path} HTTP/1.1`, "a b"],
        [`POST ${path} HTTP/1.1`, "a@b"],
        [`POST ${path} HTTP/1.1`, "x:99999"],
      ] as const) {
        const res = await rawRequest(port, head(line, { host, ...json }), body);
        expect(res.status, `${line} Host: ${host}`).toBe(400);
        expect(JSON.parse(res.body).error.code).toBe("bad_request");
        expect(res.headers["x-frame-options"]).toBe("DENY");
      }
    }
    // Two Host headers (RFC 9112 §3.2).
    expect((await rawRequest(port, "GET /api/v1/webhooks HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")).status).toBe(400);
    expect(seen.length).toBe(before);
    // The same request, well formed, goes through: the 400s were about the target and the Host.
    const ok = await rawRequest(port, head("POST /api/v1/events/batch HTTP/1.1", { host: `127.0.0.1:${port}`, ...json }), body);
    expect(ok.status).toBe(202);
    expect(JSON.parse(ok.body)).toEqual({ url: `http://127.0.0.1:${port}/api/v1/events/batch`, body });
  });

  it("answers Worksection's admin API in Worksection's shape, with and without its trailing slash", async () => {
    for (const path of ["/api/admin/v2/?action=get_webhooks", "/api/admin/v2?action=get_webhooks"]) {
      for (const request of [head(`GET http://x${path} HTTP/1.1`, { host: "x" }), head(`GET ${path} HTTP/1.1`, { host: "a b" })]) {
        const res = await rawRequest(port, request);
        expect(res.status, request).toBe(400);
        expect(JSON.parse(res.body)).toMatchObject({ status: "error", status_code: 3, message: "Request is invalid" });
      }
    }
    const tooBig = await rawRequest(port, head("POST /api/admin/v2/?action=add_webhook HTTP/1.1", { host: "x", "content-length": 256 * 1024 + 1 }));
    expect(tooBig.status).toBe(413);
    expect(JSON.parse(tooBig.body)).toMatchObject({ status: "error", status_code: 3 });
  });
});
