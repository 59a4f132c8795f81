import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { serveFetch } from "@/lib/http/serve-fetch";
import { head, rawRequest } from "../../helpers/raw-http";

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(handler: (request: Request) => Promise<Response>): Promise<string> {
  server = http.createServer((req, res) => void serveFetch(handler, req, res));
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("serveFetch", () => {
  it("hands the handler the method, URL, headers and streamed body, and writes its Response back", async () => {
    const base = await serve(async (request) => {
      const body = await request.text();
      const headers = new Headers({
        "x-seen": `${request.method} ${new URL(request.url).pathname}${new URL(request.url).search} ${request.headers.get("authorization")}`,
      });
      headers.append("set-cookie", "a=1");
      headers.append("set-cookie", "b=2");
      return Response.json({ length: body.length, head: body.slice(0, 5) }, { status: 202, headers });
    });
    const res = await fetch(`${base}/api/v1/events?x=1`, { method: "POST", headers: { authorization: "Bearer k" }, body: `hello${"x".repeat(100_000)}` });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ length: 100_005, head: "hello" });
    expect(res.headers.get("x-seen")).toBe("POST /api/v1/events?x=1 Bearer k");
    expect(res.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    // Answers made outside Next carry the same security headers as Next's API answers.
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("a handler that throws is a 500 in the API's error shape, and the server keeps serving", async () => {
    let calls = 0;
    const base = await serve(async () => {
      calls++;
      if (calls === 1) throw new Error("boom");
      return new Response(null, { status: 204 });
    });
    const res = await fetch(`${base}/x`, { method: "POST", body: "{}" });
    expect(res.status).toBe(500);
    expect((await res.json()).error.code).toBe("internal");
    expect((await fetch(`${base}/x`)).status).toBe(204);
  });

  it("a request no URL can be built from is a 400 in its path's shape, not a 500, and the handler never runs", async () => {
    let calls = 0;
    const base = await serve(async () => {
      calls++;
      return new Response(null, { status: 204 });
    });
    const port = Number(new URL(base).port);
    // Without the front door in front (it refuses these first): a Host with a space, and with credentials.
    const spaced = await rawRequest(port, head("POST /api/v1/events HTTP/1.1", { host: "a b", "content-length": 2 }), "{}");
    expect(spaced.status).toBe(400);
    expect(JSON.parse(spaced.body).error.code).toBe("bad_request");
    const admin = await rawRequest(port, head("GET /api/admin/v2/?action=get_webhooks HTTP/1.1", { host: "a@b" }));
    expect(admin.status).toBe(400);
    expect(JSON.parse(admin.body)).toMatchObject({ status: "error", status_code: 3 });
    expect(calls).toBe(0);
  });
});
