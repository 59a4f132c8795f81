import type { AddressInfo } from "node:net";
import { parse as parsePgUrl } from "pg-connection-string";
import { describe, expect, it } from "vitest";
import { POST as createType } from "@/app/api/v1/event-types/route";
import { POST as publish } from "@/app/api/v1/events/route";
import { PATCH as renameProject } from "@/app/api/v1/projects/[id]/route";
import { POST as createProject } from "@/app/api/v1/projects/route";
import { POST as createWebhook, GET as listWebhooks } from "@/app/api/v1/webhooks/route";
import { directRoute } from "@/lib/api/direct-routes";
import { parseEnv } from "@/lib/config/env-schema";
import { installDatabase } from "@/lib/db";
import { openDatabase } from "@/lib/db/open-database";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { createFrontDoorServer, frontDoorSettings } from "@/lib/http/front-door-server";
import { pathOf } from "@/lib/http/request-target";
import { serveFetch } from "@/lib/http/serve-fetch";
import { regenerateAdminApiKey } from "@/lib/server/admin-api-key/admin-api-key";
import { freshDatabasePerTest, TEST_DATABASES, type TestPostgres } from "../helpers/databases";
import { lazyBody } from "../helpers/lazy-body";
import { badTargetAnswers, head, rawRequest } from "../helpers/raw-http";
import { adminKey, call } from "../helpers/routes";
import { relayTo } from "../helpers/tcp-relay";
import { md5 } from "../helpers/worksection-client";

describe.each(TEST_DATABASES)("hostile input on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);
  const counts = async () => {
    const p = db().prisma;
    return [await p.event.count(), await p.webhook.count(), await p.project.count(), await p.eventType.count(), await p.customEventType.count()];
  };

  it("400 naming the field for a NUL or a lone surrogate in any string, nothing written", async () => {
    const key = await adminKey();
    const before = await counts();
    const cases: [typeof publish, unknown, string][] = [
      [publish, { event: "deals.created\u0000", data: {} }, "event"],
      [publish, { event: "deals.created", data: { name: "a\u0000b" } }, "data.name"],
      [publish, { event: "deals.created", data: { "k\u0000": 1 } }, "data.k\u0000"],
      [publish, { event: "deals.created", projectId: "p\uD800", data: {} }, "projectId"],
      [createWebhook, { url: "http://127.0.0.1:9/x", events: ["deals.created"], description: "d\u0000" }, "description"],
      [createWebhook, { url: "http://127.0.0.1:9/x", events: ["deals.created"], httpUser: "\uDC00" }, "httpUser"],
      [createProject, { id: "p1", name: "n\u0000" }, "name"],
      [createType, { name: "x.y", description: "d\u0000", group: "g" }, "description"],
    ];
    for (const [handler, body, path] of cases) {
      const res = await call(handler, { method: "POST", key, body });
      expect(res.status, path).toBe(400);
      expect(res.json.error.issues[0].path, path).toBe(path);
    }
    expect(await counts()).toEqual(before);
  });

  it("a NUL in a query or path parameter is a 400 naming it, not a database error", async () => {
    const key = await adminKey();
    const res = await call(listWebhooks, { key, path: "/webhooks?status=a%00b" });
    expect(res.status).toBe(400);
    expect(res.json.error.issues[0].path).toBe("status");
    // And in a path parameter.
    const renamed = await call(renameProject, { method: "PATCH", key, params: { id: "a\u0000b" }, body: { name: "x" } });
    expect(renamed.status).toBe(400);
    expect(renamed.json.error.issues[0].path).toBe("id");
  });

  it("publishing in-process refuses the same: NUL and deep nesting are validation errors, nothing written", async () => {
    const { publishEvent } = await import("@/lib/delivery/publish-event");
    let deep: unknown = 1;
    for (let i = 0; i < 5_000; i++) deep = [deep];
    await expect(publishEvent(ctx(), { event: "deals.created", data: deep })).rejects.toThrow(/nested more than 64 levels/);
    await expect(publishEvent(ctx(), { event: "deals.created", data: { a: "x\u0000" } })).rejects.toThrow(/NUL/);
    expect(await db().prisma.event.count()).toBe(0);
  });

  it("400 for data nested 5,000 levels deep, with the limit in the message", async () => {
    const key = await adminKey();
    const rawBody = `{"event":"deals.created","data":${"[".repeat(5_000)}${"]".repeat(5_000)}}`;
    const res = await call(publish, { method: "POST", key, rawBody });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/nested more than 64 levels/);
    expect(await db().prisma.event.count()).toBe(0);
  });

  it("415 for a body that is not JSON, 400 for bytes that are not UTF-8", async () => {
    const key = await adminKey();
    const form = await publish(
      new Request("http://localhost/api/v1/events", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/x-www-form-urlencoded" },
        body: "event=deals.created",
      }),
      { params: Promise.resolve({}) },
    );
    expect(form.status).toBe(415);
    const bytes = Buffer.concat([Buffer.from('{"event":"deals.created","data":{"a":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}}')]);
    const latin = await publish(
      new Request("http://localhost/api/v1/events", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: bytes,
      }),
      { params: Promise.resolve({}) },
    );
    expect(latin.status).toBe(400);
    expect(await db().prisma.event.count()).toBe(0);
  });

  it("a 200 MiB streamed body with a valid key is refused at the cap, not read whole", async () => {
    const key = await adminKey();
    const body = lazyBody(200 * 1024 * 1024);
    const res = await publish(
      new Request("http://localhost/api/v1/events", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: body.stream,
        duplex: "half",
      } as RequestInit),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThan(2 * 1024 * 1024);
    expect(await db().prisma.event.count()).toBe(0);
  });

  it("an absolute-form target or a malformed Host is a 400 on every route, never a 500; /api/admin/v2 answers in Worksection's shape", async () => {
    // scripts/serve.ts's server and routing, with the real direct routes; a stand-in answers for Next.
    const { server } = createFrontDoorServer(frontDoorSettings(parseEnv(process.env)), (req, res) => {
      const route = directRoute(req.method ?? "GET", pathOf(req.url));
      if (route) void serveFetch(route, req, res);
      else res.writeHead(200).end("next");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const key = await adminKey();
      const { key: adminApiKey } = await regenerateAdminApiKey(ctx());
      const event = JSON.stringify({ event: "deals.created", data: {} });
      const publish = { authorization: `Bearer ${key}`, "content-type": "application/json", "content-length": event.length };
      const query = "action=get_webhooks";
      const adminPath = `/api/admin/v2/?${query}&hash=${md5(query + adminApiKey)}`;
      const host = `127.0.0.1:${port}`;
      // Well formed, each route answers: the refusals below are about the target and the Host alone.
      expect((await rawRequest(port, head("POST /api/v1/events HTTP/1.1", { host, ...publish }), event)).status).toBe(202);
      expect(JSON.parse((await rawRequest(port, head(`GET ${adminPath} HTTP/1.1`, { host }))).body)).toMatchObject({ status: "ok" });
      const published = await db().prisma.event.count();
      const answers = await badTargetAnswers(port, host, [
        ["POST", "/api/v1/events", publish, event],
        ["POST", "/api/v1/events/batch", publish, event],
        ["GET", adminPath, {}, ""],
        ["POST", adminPath, { "content-type": "application/x-www-form-urlencoded", "content-length": 0 }, ""],
        ["GET", "/api/v1/webhooks", { authorization: `Bearer ${key}` }, ""],
        ["GET", "/", {}, ""],
      ]);
      for (const { what, path, answer } of answers) {
        expect(answer.status, what).toBe(400);
        if (path.startsWith("/api/admin/v2"))
          expect(JSON.parse(answer.body), what).toMatchObject({ status: "error", status_code: 3, message: "Request is invalid" });
        else expect(JSON.parse(answer.body).error.code, what).toBe("bad_request");
      }
      expect(await db().prisma.event.count()).toBe(published);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it.skipIf(backend.name !== "postgres")("a publish while the database is restarting answers 503 with Retry-After, then works again", async (ctx) => {
    const { url } = db() as TestPostgres;
    const { host, port } = parsePgUrl(url);
    if (host?.startsWith("/")) ctx.skip(); // the relay needs TCP
    // The app's own connection goes through a relay the test can take down, as a restart would.
    const relay = await relayTo(Number(port || 5432));
    const viaRelay = await openDatabase({ kind: "postgres", url: url.replace(/@[^/]+\//, `@127.0.0.1:${relay.port}/`) });
    installDatabase(viaRelay);
    const key = await adminKey();
    const send = () =>
      publish(
        new Request("http://localhost/api/v1/events", {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: JSON.stringify({ event: "deals.created", data: {} }),
        }),
        { params: Promise.resolve({}) },
      );
    try {
      await relay.down();
      const res = await send();
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      expect((await res.json()).error.code).toBe("unavailable");
      await relay.up();
      expect((await send()).status).toBe(202);
    } finally {
      await viaRelay.close();
      await relay.down();
    }
  });
});
