import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_MAX_BODY_BYTES } from "@/lib/http/body-limit";
import { frontDoor, pathOf } from "@/lib/http/front-door";

let server: http.Server;
let base: string;
const seen: {
  method?: string;
  forwardedFor?: string | string[];
  realIp?: string | string[];
  forwardedHost?: string | string[];
  forwardedProto?: string | string[];
  length: number;
}[] = [];
beforeAll(async () => {
  server = http.createServer(
    frontDoor({ trustedProxies: 0, maxBodyBytes: 256 * 1024 }, async (req, res) => {
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
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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

  it("reads the path of absolute-form targets too, so sign-in keeps its small cap", () => {
    expect(pathOf("/api/auth/callback/credentials?x=1")).toBe("/api/auth/callback/credentials");
    expect(pathOf("http://evil.example/api/auth/callback/credentials")).toBe("/api/auth/callback/credentials");
    expect(pathOf(undefined)).toBe("/");
  });
});
