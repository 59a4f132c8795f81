import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isWorksectionPath, LINGER_MS, refusalBody, refuseRequest } from "@/lib/http/refuse-request";
import { head, rawConnection } from "../../helpers/raw-http";

const refusal = { status: 400, code: "bad_request", message: "The Host header is not a valid host name and port" };

describe("refusalBody", () => {
  it("is the API's { error: { code, message } } on every path but Worksection's", () => {
    expect(JSON.parse(refusalBody("/api/v1/events", refusal))).toEqual({ error: { code: "bad_request", message: refusal.message } });
    expect(JSON.parse(refusalBody("/api/admin/v2x", refusal)).error.code).toBe("bad_request");
  });

  it("is Worksection's shape on its admin API and its OAuth form: 'request is invalid', or 'unavailable' for a 503", () => {
    for (const path of ["/api/admin/v2", "/api/admin/v2/", "/api/oauth2"]) expect(isWorksectionPath(path), path).toBe(true);
    expect(JSON.parse(refusalBody("/api/admin/v2/", refusal))).toEqual({
      status: "error",
      status_code: 3,
      message: "Request is invalid",
      message_details: refusal.message,
    });
    expect(JSON.parse(refusalBody("/api/oauth2", { status: 503, code: "unavailable", message: "busy" }))).toMatchObject({ status: "error", status_code: 20 });
  });
});

describe("refuseRequest", () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    server = http.createServer((req, res) => refuseRequest(req, res, { ...refusal, headers: { "retry-after": "3" } }, { closeNow: req.url === "/now" }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );

  it("answers with the security headers and its own headers, and closes a connection with nothing more to read", async () => {
    const c = rawConnection(port, head("GET /x HTTP/1.1", { host: "x" }));
    const answer = await c.response;
    expect(answer).toMatchObject({ status: 400, headers: { "retry-after": "3", "x-frame-options": "DENY", connection: "close" } });
    await c.closed;
  });

  it("reads and drops the rest of an upload for a while before hanging up, so the client sees the answer; closeNow does not wait", async () => {
    const lingering = rawConnection(port, head("POST /x HTTP/1.1", { host: "x", "content-length": 1_000_000 }));
    expect((await lingering.response).headers.connection).not.toBe("close");
    lingering.write(Buffer.alloc(100_000)); // still accepted: no reset while the client sends
    const t0 = Date.now();
    await lingering.closed;
    // ... then hangs up: at LINGER_MS, not whenever one of Node's own timeouts gets to it.
    expect(Date.now() - t0).toBeGreaterThan(LINGER_MS - 500);
    expect(Date.now() - t0).toBeLessThan(LINGER_MS + 1_500);
    const now = rawConnection(port, head("POST /now HTTP/1.1", { host: "x", "content-length": 1_000_000 }));
    expect((await now.response).headers.connection).toBe("close");
    await now.closed;
  });
});
