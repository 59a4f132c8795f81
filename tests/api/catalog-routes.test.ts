import fs from "node:fs";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { DELETE as revoke } from "@/app/api/v1/api-keys/[id]/route";
import { POST as createKey, GET as listKeys } from "@/app/api/v1/api-keys/route";
import { GET as getType, PATCH as patchType } from "@/app/api/v1/event-types/[name]/route";
import { POST as createType, GET as listTypes } from "@/app/api/v1/event-types/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { PATCH as renameProject } from "@/app/api/v1/projects/[id]/route";
import { POST as createProject, GET as listProjects } from "@/app/api/v1/projects/route";
import { EVENT_CATALOG } from "@/lib/db/event-catalog";
import { createUser } from "@/lib/server/users/create-user";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";
import { adminKey, call, sessionCookie } from "../helpers/routes";

describe.each(TEST_DATABASES)("catalog routes on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  it("lists the seeded catalog, with every group", async () => {
    const key = await adminKey();
    const res = await call(listTypes, { key });
    expect(res.status).toBe(200);
    expect(res.json.data).toHaveLength(EVENT_CATALOG.length);
    const groups = new Set(res.json.data.map((e: { group: string }) => e.group));
    expect([...groups].sort()).toEqual(["Hookline", "Teamwork CRM", "Teamwork Spaces", "Twenty", "Worksection"]);
    expect((await call(listTypes, {})).status).toBe(401);
  });

  it("GET one type gives its schema and example; PATCH changes a host's own, 409 for the catalog's, 400 naming the field", async () => {
    const key = await adminKey();
    const deal = await call(getType, { key, params: { name: "deals.created" } });
    expect(deal).toMatchObject({
      status: 200,
      json: { name: "deals.created", hasSchema: true, schema: { title: "Deal" }, example: { title: "Northwind annual licence" } },
    });
    expect((await call(getType, { key, params: { name: "nope.nope" } })).status).toBe(404);
    const schema = { type: "object", required: ["id"] };
    expect(
      (await call(createType, { method: "POST", key, body: { name: "invoice.paid", description: "d", group: "g", schema, example: { id: 1 } } })).status,
    ).toBe(201);
    const bad = await call(patchType, { method: "PATCH", key, params: { name: "invoice.paid" }, body: { example: {} } });
    expect(bad).toMatchObject({ status: 400, json: { error: { issues: [{ path: "example" }] } } });
    const ok = await call(patchType, { method: "PATCH", key, params: { name: "invoice.paid" }, body: { example: { id: 2 } } });
    expect(ok).toMatchObject({ status: 200, json: { example: { id: 2 }, schema } });
    expect((await call(patchType, { method: "PATCH", key, params: { name: "deals.created" }, body: { description: "x" } })).status).toBe(409);
  });

  it("registers an event type; 409 on a duplicate, 400 on a bad name, nothing written on error", async () => {
    const key = await adminKey();
    const created = await call(createType, { method: "POST", key, body: { name: "invoice.paid", description: "An invoice was paid", group: "Billing" } });
    expect(created).toMatchObject({ status: 201, json: { name: "invoice.paid", group: "Billing" } });
    const dup = await call(createType, { method: "POST", key, body: { name: "deals.created", description: "again", group: "X" } });
    expect(dup).toMatchObject({ status: 409, json: { error: { code: "conflict" } } });
    for (const name of ["has space", "", "ping", "*", "a".repeat(101)]) {
      expect((await call(createType, { method: "POST", key, body: { name, description: "d", group: "g" } })).status, name).toBe(400);
    }
    // The catalog stays as seeded; the host's own type is the workspace's.
    expect(await db().prisma.eventType.count()).toBe(EVENT_CATALOG.length);
    expect(await db().prisma.customEventType.findMany({ select: { name: true, workspaceId: true } })).toEqual([
      { name: "invoice.paid", workspaceId: DEFAULT_WORKSPACE_ID },
    ]);
    expect((await call(listTypes, { key })).json.data).toHaveLength(EVENT_CATALOG.length + 1);
  });

  it("creates, upserts and renames projects; 404 for an unknown one", async () => {
    const key = await adminKey();
    expect(await call(createProject, { method: "POST", key, body: { id: "p-1" } })).toMatchObject({ status: 201, json: { id: "p-1", name: "p-1" } });
    expect(await call(createProject, { method: "POST", key, body: { id: "p-1", name: "Website" } })).toMatchObject({ status: 200, json: { name: "Website" } });
    expect(await call(renameProject, { method: "PATCH", key, params: { id: "p-1" }, body: { name: "Site" } })).toMatchObject({
      status: 200,
      json: { name: "Site" },
    });
    expect((await call(renameProject, { method: "PATCH", key, params: { id: "nope" }, body: { name: "x" } })).status).toBe(404);
    expect((await call(createProject, { method: "POST", key, body: { id: "bad id/with slash" } })).status).toBe(400);
    const badName = await call(renameProject, { method: "PATCH", key, params: { id: "p-1" }, body: { name: "" } });
    expect(badName).toMatchObject({ status: 400, json: { error: { issues: [{ path: "name" }] } } });
    expect((await call(renameProject, { method: "PATCH", key, params: { id: "p-1" }, body: { name: "x", extra: 1 } })).status).toBe(400);
    expect((await call(listProjects, { key })).json.data.map((p: { id: string }) => p.id)).toEqual(["p-1"]);
  });

  it("an admin's session revokes a key (it stops working at once); unknown key id 404, malformed 400", async () => {
    const admin = await createUser({ email: "keys@example.com", password: "admin-password-1", role: "ADMIN" });
    const headers = { cookie: await sessionCookie(admin.id), origin: "http://localhost:3000" };
    const made = await call(createKey, { method: "POST", headers, body: { name: "to revoke" } });
    expect((await call(listTypes, { key: made.json.key })).status).toBe(200);
    const revoked = await call(revoke, { method: "DELETE", headers, params: { id: made.json.id } });
    expect(revoked).toMatchObject({ status: 200, json: { id: made.json.id, revokedAt: expect.any(String) } });
    expect((await call(listTypes, { key: made.json.key })).status).toBe(401);
    expect((await call(revoke, { method: "DELETE", headers, params: { id: "00000000-0000-4000-8000-000000000000" } })).status).toBe(404);
    expect((await call(revoke, { method: "DELETE", headers, params: { id: "not-a-uuid" } })).status).toBe(400);
  });

  it("API keys cannot be managed with an API key (403)", async () => {
    const key = await adminKey();
    expect((await call(listKeys, { key })).status).toBe(403);
    expect((await call(createKey, { method: "POST", key, body: { name: "x" } })).status).toBe(403);
    expect((await call(revoke, { method: "DELETE", key, params: { id: "00000000-0000-4000-8000-000000000000" } })).status).toBe(403);
    expect((await call(listKeys, {})).status).toBe(401);
    expect(await db().prisma.apiKey.count()).toBe(1);
    const row = await db().prisma.apiKey.findFirstOrThrow();
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.hash).not.toContain(key);
    expect(key.startsWith(row.prefix)).toBe(true);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document covering every route", async () => {
    const res = await call(openapi as never, {});
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe("3.1.0");
    await SwaggerParser.validate(structuredClone(res.json));
    // Every route file under app/api/v1 (but the document itself) is described.
    const routes = (fs.readdirSync("app/api/v1", { recursive: true }) as string[])
      .filter((f) => path.basename(f) === "route.ts")
      .map((f) => `/${path.dirname(f)}`.replace(/\[(\w+)\]/g, "{$1}"))
      .filter((p) => p !== "/openapi.json");
    expect(Object.keys(res.json.paths).sort()).toEqual(routes.sort());
    expect(res.json.components.schemas.WebhookCreate.required).toEqual(["url", "events"]);
  });
});
