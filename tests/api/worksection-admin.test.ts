import { describe, expect, it } from "vitest";
import * as adminV2 from "@/app/api/admin/v2/route";
import { POST as regenerateRoute } from "@/app/api/v1/admin-api-key/regenerate/route";
import { GET as revealRoute } from "@/app/api/v1/admin-api-key/route";
import { GET as listWebhooksRoute } from "@/app/api/v1/webhooks/route";
import { directRoute } from "@/lib/api/direct-routes";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { openSecret } from "@/lib/delivery/webhook-secrets";
import { regenerateAdminApiKey } from "@/lib/server/admin-api-key/admin-api-key";
import { upsertProject } from "@/lib/server/projects/projects";
import { createUser } from "@/lib/server/users/create-user";
import { disableWebhook } from "@/lib/server/webhooks/set-webhook-enabled";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";
import { startReceiver } from "../helpers/receiver";
import { adminKey, call, sessionCookie } from "../helpers/routes";
import { md5, queryOf, send, signedUrl, wsGet } from "../helpers/worksection-client";

const BAD_HASH = { status: "error", status_code: 2, message: "Action hash is missed or invalid" };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A receiver answering as Worksection asks (200, JSON {"status":"OK"}), or failing with 500. */
async function receiver(isOk = true) {
  return startReceiver((_req, res) => {
    res.writeHead(isOk ? 200 : 500, { "content-type": "application/json" });
    res.end(JSON.stringify(isOk ? { status: "OK" } : { status: "broken" }));
  });
}

describe.each(TEST_DATABASES)("Worksection's admin API (/api/admin/v2) on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);
  const webhookCount = () => db().prisma.webhook.count();

  it("add_webhook checks the URL and creates the webhook enabled; get_webhooks lists it in Worksection's shape; delete_webhook removes it", async () => {
    const { key } = await regenerateAdminApiKey(ctx());
    await upsertProject(ctx(), { id: "333" });
    const target = await receiver();
    try {
      const added = await wsGet(
        adminV2.GET,
        {
          action: "add_webhook",
          url: `${target.url}/hooks`,
          events: "post_task,delete_task,reopen_task",
          http_user: "ws",
          http_pass: "s3cret",
          projects: "333",
        },
        key,
      );
      expect(added).toMatchObject({ status: 200, json: { status: "ok", id: expect.stringMatching(UUID) } });
      expect(Object.keys(added.json).sort()).toEqual(["id", "status"]);
      // The check was a real, signed request with the basic-auth credentials.
      expect(target.received).toHaveLength(1);
      expect(target.received[0]?.headers.authorization).toBe(`Basic ${Buffer.from("ws:s3cret").toString("base64")}`);
      expect(JSON.parse(target.received[0]?.body ?? "{}")).toMatchObject({ event: "ping" });
      const row = await db().prisma.webhook.findUniqueOrThrow({ where: { id: added.json.id } });
      expect(row).toMatchObject({
        enabled: true,
        url: `${target.url}/hooks`,
        events: ["post_task", "delete_task", "reopen_task"],
        projects: ["333"],
        httpUser: "ws",
      });
      expect(row.httpPasswordCiphertext && openSecret(row.httpPasswordCiphertext)).toBe("s3cret");
      // Recorded as Worksection's key did it, its password never in the entry.
      const entry = await db().prisma.auditEntry.findFirstOrThrow({ where: { action: "webhook.created", targetId: row.id } });
      expect(entry).toMatchObject({ actorKind: "system", actorName: "Hookline (Worksection admin API key)" });
      expect(JSON.stringify(entry.changes)).not.toContain("s3cret");

      // One for all projects (no `projects`) and all events, then one switched off.
      const second = await wsGet(adminV2.GET, { action: "add_webhook", url: target.url, events: "*" }, key);
      const third = await wsGet(adminV2.GET, { action: "add_webhook", url: `${target.url}/3`, events: "post_comment, post_project" }, key);
      await disableWebhook(ctx(), third.json.id);

      const listed = await wsGet(adminV2.GET, { action: "get_webhooks" }, key);
      expect(listed).toEqual({
        status: 200,
        headers: expect.anything(),
        json: {
          status: "ok",
          data: [
            { id: added.json.id, url: `${target.url}/hooks`, events: "post_task,delete_task,reopen_task", status: "active", projects: "333" },
            { id: second.json.id, url: `${target.url}/`, events: "*", status: "active" },
            { id: third.json.id, url: `${target.url}/3`, events: "post_comment,post_project", status: "disabled" },
          ],
        },
      });
      expect("projects" in listed.json.data[1]).toBe(false);

      expect((await wsGet(adminV2.GET, { action: "delete_webhook", id: added.json.id }, key)).json).toEqual({ status: "ok" });
      expect(await db().prisma.webhook.findUnique({ where: { id: added.json.id } })).toBeNull();
      const again = await wsGet(adminV2.GET, { action: "delete_webhook", id: added.json.id }, key);
      expect(again).toMatchObject({ status: 404, json: { status: "error", status_code: 8, message: "Webhook not found", message_details: added.json.id } });
      expect((await wsGet(adminV2.GET, { action: "delete_webhook", id: "16" }, key)).json).toMatchObject({ status_code: 8, message_details: "16" });
      expect((await wsGet(adminV2.GET, { action: "delete_webhook" }, key)).json).toMatchObject({ status_code: 4, message_details: "id" });
      expect(await webhookCount()).toBe(2);
    } finally {
      await target.close();
    }
  });

  it("a URL that fails the check is error 11 naming it, and nothing is written; bad fields, events and projects are named too", async () => {
    const { key } = await regenerateAdminApiKey(ctx());
    const failing = await receiver(false);
    try {
      const url = `${failing.url}/down`;
      const refused = await wsGet(adminV2.GET, { action: "add_webhook", url, events: "post_task" }, key);
      expect(refused).toMatchObject({
        status: 422,
        json: { status: "error", status_code: 11, message: "Url should respond 200 HTTP_CODE and JSON {status:OK}", message_details: url },
      });
      expect(failing.received).toHaveLength(1); // it was asked, and answered 500
      // Nothing listens on port 9 of loopback: a connection error fails the check the same way.
      expect((await wsGet(adminV2.GET, { action: "add_webhook", url: "http://127.0.0.1:9/", events: "post_task" }, key)).json.status_code).toBe(11);

      const add = (params: Record<string, string>) => wsGet(adminV2.GET, { action: "add_webhook", ...params }, key);
      expect((await add({ url, events: "post_task,nope,also_nope" })).json).toEqual({
        status: "error",
        status_code: 6,
        message: "Events are unknown",
        message_details: "nope,also_nope",
      });
      expect((await add({ url, events: "post_task", projects: "333,444" })).json).toEqual({
        status: "error",
        status_code: 7,
        message: "Projects are unknown",
        message_details: "333,444",
      });
      expect((await add({ events: "post_task" })).json).toMatchObject({ status_code: 4, message: "Field is required", message_details: "url" });
      expect((await add({ url, events: " , " })).json).toMatchObject({ status_code: 4, message_details: "events" });
      expect((await add({ url: "ftp://files.example/x", events: "post_task" })).json).toMatchObject({
        status_code: 5,
        message: "Field is invalid",
        message_details: expect.stringMatching(/^url: URL must start with http/),
      });
      expect((await add({ url, events: "post_task", http_pass: "p" })).json).toMatchObject({
        status_code: 5,
        message_details: expect.stringMatching(/^http_user: /),
      });
      expect((await add({ url: "http://10.0.0.1/x", events: "post_task" })).json).toMatchObject({
        status_code: 5,
        message_details: expect.stringMatching(/^url: .*not allowed/),
      });
      // None of these reached the receiver again, and none wrote anything.
      expect(failing.received).toHaveLength(1);
      expect(await webhookCount()).toBe(0);
    } finally {
      await failing.close();
    }
  });

  it("a missing, wrong or stale hash is 401 with Worksection's error 2, and changes nothing; so is any call before a key exists", async () => {
    const target = await receiver();
    try {
      const query = queryOf({ action: "add_webhook", url: target.url, events: "post_task" });
      // No key made yet: even md5 of the query with an empty key is refused.
      expect(await send(adminV2.GET, signedUrl(query, ""))).toMatchObject({ status: 401, json: BAD_HASH });

      const { key } = await regenerateAdminApiKey(ctx());
      for (const url of [
        `http://localhost:3000/api/admin/v2/?${query}`, // missing
        `http://localhost:3000/api/admin/v2/?${query}&hash=`, // empty
        `http://localhost:3000/api/admin/v2/?${query}&hash=${md5(`${query}another-key`)}`, // another key
        `http://localhost:3000/api/admin/v2/?${query}&projects=1&hash=${md5(query + key)}`, // a parameter added after signing
        `http://localhost:3000/api/admin/v2/?${query}&hash=${md5(key + query)}`, // key first
      ]) {
        const answer = await send(adminV2.GET, url);
        expect(answer.status, url).toBe(401);
        expect(answer.json, url).toEqual(BAD_HASH);
      }
      expect(target.received).toHaveLength(0);
      expect(await webhookCount()).toBe(0);

      // The hash may be written in upper case, and stand anywhere in the query.
      const listQuery = "action=get_webhooks";
      expect((await send(adminV2.GET, `http://localhost:3000/api/admin/v2/?hash=${md5(listQuery + key).toUpperCase()}&${listQuery}`)).json).toEqual({
        status: "ok",
        data: [],
      });
    } finally {
      await target.close();
    }
  });

  it("regenerating (an admin's session) makes the old key fail at once; the key is never a Bearer key, and keys cannot read it", async () => {
    const admin = await createUser({ email: "a@example.com", password: "admin-password-1", role: "ADMIN" });
    const cookie = await sessionCookie(admin.id);
    const origin = "http://localhost:3000";
    expect((await call(revealRoute, { headers: { cookie } })).status).toBe(404); // none yet

    const first = await call(regenerateRoute, { method: "POST", headers: { cookie, origin } });
    expect(first).toMatchObject({ status: 200, json: { key: expect.stringMatching(/^[0-9a-f]{32}$/), createdAt: expect.any(String) } });
    expect((await call(revealRoute, { headers: { cookie } })).json).toEqual(first.json);
    expect((await wsGet(adminV2.GET, { action: "get_webhooks" }, first.json.key)).json).toEqual({ status: "ok", data: [] });

    const second = await call(regenerateRoute, { method: "POST", headers: { cookie, origin } });
    expect(second.json.key).not.toBe(first.json.key);
    expect(await wsGet(adminV2.GET, { action: "get_webhooks" }, first.json.key)).toMatchObject({ status: 401, json: BAD_HASH });
    expect((await wsGet(adminV2.GET, { action: "get_webhooks" }, second.json.key)).status).toBe(200);

    // Accepted only as the hash key of /api/admin/v2.
    expect((await call(listWebhooksRoute, { key: second.json.key })).status).toBe(401);
    const bearer = await adminKey();
    expect((await call(revealRoute, { key: bearer })).status).toBe(403);
    expect((await call(regenerateRoute, { method: "POST", key: bearer })).status).toBe(403);
    // A cross-site form cannot replace it.
    expect((await call(regenerateRoute, { method: "POST", headers: { cookie, origin: "https://evil.example" } })).status).toBe(403);
    expect((await call(revealRoute, { headers: { cookie } })).json.key).toBe(second.json.key);
  });

  it("POST: a form body (hash in the query or in the body) or a JSON body (hash in the query, signing query + body)", async () => {
    const { key } = await regenerateAdminApiKey(ctx());
    const target = await receiver();
    try {
      const form = queryOf({ action: "add_webhook", url: `${target.url}/form`, events: "post_task,close_task" });
      const formHeaders = { "content-type": "application/x-www-form-urlencoded" };
      // Everything in the body, hash last, as a PHP client posting http_build_query($params) . "&hash=..." does.
      const inBody = await send(adminV2.POST, "http://localhost:3000/api/admin/v2/", {
        method: "POST",
        headers: formHeaders,
        body: `${form}&hash=${md5(form + key)}`,
      });
      expect(inBody).toMatchObject({ status: 200, json: { status: "ok", id: expect.stringMatching(UUID) } });
      // The action in the query, the rest in the body: the hash signs both, query first, joined by &.
      const body = queryOf({ url: `${target.url}/split`, events: "post_comment" });
      const split = await send(adminV2.POST, `http://localhost:3000/api/admin/v2?action=add_webhook&hash=${md5(`action=add_webhook&${body}${key}`)}`, {
        method: "POST",
        headers: formHeaders,
        body,
      });
      expect(split.json).toMatchObject({ status: "ok" });

      const json = JSON.stringify({ url: `${target.url}/json`, events: ["post_project"], projects: [] });
      const viaJson = await send(adminV2.POST, `http://localhost:3000/api/admin/v2/?action=add_webhook&hash=${md5(`action=add_webhook${json}${key}`)}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: json,
      });
      expect(viaJson.json).toMatchObject({ status: "ok" });
      const rows = await db().prisma.webhook.findMany({ orderBy: { createdAt: "asc" }, select: { url: true, events: true, enabled: true } });
      expect(rows).toEqual([
        { url: `${target.url}/form`, events: ["post_task", "close_task"], enabled: true },
        { url: `${target.url}/split`, events: ["post_comment"], enabled: true },
        { url: `${target.url}/json`, events: ["post_project"], enabled: true },
      ]);

      // A body signed as if it were absent is refused.
      const unsigned = await send(adminV2.POST, `http://localhost:3000/api/admin/v2/?action=get_webhooks&hash=${md5(`action=get_webhooks${key}`)}`, {
        method: "POST",
        headers: formHeaders,
        body: "extra=1",
      });
      expect(unsigned.status).toBe(401);
    } finally {
      await target.close();
    }
  });

  it("with or without the trailing slash; unknown actions and bad input are Worksection-shaped 4xx, never a 500, and write nothing", async () => {
    const { key } = await regenerateAdminApiKey(ctx());
    // `npm start` answers the slash form itself (Next would redirect it); both reach one handler.
    const slashHandler = directRoute("GET", "/api/admin/v2/");
    expect(slashHandler).toBe(adminV2.GET);
    expect(directRoute("POST", "/api/admin/v2/")).toBe(adminV2.POST);
    for (const hasSlash of [true, false]) expect((await wsGet(adminV2.GET, { action: "get_webhooks" }, key, { hasSlash })).status).toBe(200);

    expect(await wsGet(adminV2.GET, { action: "get_tasks" }, key)).toMatchObject({
      status: 400,
      json: { status: "error", status_code: 1, message: "Action is invalid", message_details: "get_tasks" },
    });
    expect((await wsGet(adminV2.GET, { action: "constructor" }, key)).json.status_code).toBe(1);
    expect((await wsGet(adminV2.GET, {}, key)).json).toEqual({ status: "error", status_code: 1, message: "Action is invalid" });
    expect((await wsGet(adminV2.GET, { action: "get_webhooks", page: "/project/1/" }, key)).status).toBe(200); // unused parameters are ignored

    const post = (query: string, body: string, type: string) =>
      send(adminV2.POST, signedUrl(query, key), { method: "POST", headers: { "content-type": type }, body });
    // A NUL in a parameter, a parameter twice, a body that is not JSON, an unknown body type, a body over the cap.
    expect((await wsGet(adminV2.GET, { action: "add_webhook", url: "http://127.0.0.1/\u0000", events: "post_task" }, key)).json).toMatchObject({
      status_code: 5,
      message_details: expect.stringMatching(/^url: .*NUL/),
    });
    expect((await send(adminV2.GET, signedUrl("action=get_webhooks&action=add_webhook", key))).json).toMatchObject({ status_code: 3 });
    expect((await post("action=add_webhook", "{not json", "application/json")).json).toMatchObject({ status_code: 3 });
    expect((await post("action=add_webhook", "[1]", "application/json")).json).toMatchObject({ status_code: 3 });
    expect((await post("action=add_webhook", '{"url":{"a":1}}', "application/json")).json).toMatchObject({ status_code: 3 });
    expect((await post("action=add_webhook", "<xml/>", "text/xml")).status).toBe(415);
    const huge = await post("action=add_webhook", `url=${"a".repeat(2 * 1024 * 1024)}`, "application/x-www-form-urlencoded");
    expect(huge).toMatchObject({ status: 413, json: { status: "error", status_code: 3 } });
    const invalidUtf8 = await send(adminV2.POST, signedUrl("action=get_webhooks", key), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new Uint8Array([0x61, 0x3d, 0xff]),
    });
    expect(invalidUtf8).toMatchObject({ status: 400, json: { status_code: 3 } });
    const longUrl = await wsGet(adminV2.GET, { action: "add_webhook", url: `http://127.0.0.1/${"x".repeat(5000)}`, events: "post_task" }, key);
    expect(longUrl.json).toMatchObject({ status_code: 5, message_details: expect.stringMatching(/^url: URL must be at most 2048/) });
    expect(await webhookCount()).toBe(0);
  });
});
