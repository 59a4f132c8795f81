import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as disable } from "@/app/api/v1/webhooks/[id]/disable/route";
import { POST as enable } from "@/app/api/v1/webhooks/[id]/enable/route";
import { POST as rotate } from "@/app/api/v1/webhooks/[id]/rotate-token/route";
import { DELETE as deleteOne, GET as getOne, PATCH as patchOne } from "@/app/api/v1/webhooks/[id]/route";
import { POST as testSaved } from "@/app/api/v1/webhooks/[id]/test/route";
import { GET as revealToken } from "@/app/api/v1/webhooks/[id]/token/route";
import { POST as create, GET as list } from "@/app/api/v1/webhooks/route";
import { POST as testUnsaved } from "@/app/api/v1/webhooks/test/route";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { revokeApiKey } from "@/lib/server/api-keys/api-keys";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";
import { startReceiver } from "../helpers/receiver";
import { adminKey, call } from "../helpers/routes";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe.each(TEST_DATABASES)("webhook routes on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);
  let key: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let answer = 200;
  beforeEach(async () => {
    key = await adminKey();
    answer = 200;
    receiver = await startReceiver((_q, res) => {
      res.statusCode = answer;
      res.end(answer === 200 ? "received" : "nope");
    });
  });
  afterEach(() => receiver.close());

  const createOne = async (body: Record<string, unknown> = {}) =>
    call(create, { method: "POST", key, body: { url: `${receiver.url}/hook`, events: ["deals.created"], ...body } });

  it("401 without or with a bad key, and nothing is written", async () => {
    expect((await call(list, {})).status).toBe(401);
    expect((await call(list, { key: "hkl_not-a-real-key" })).json.error.code).toBe("unauthorized");
    const res = await call(create, { method: "POST", key: "hkl_nope", body: { url: "https://example.com", events: ["*"] } });
    expect(res.status).toBe(401);
    expect(await db().prisma.webhook.count()).toBe(0);
  });

  it("a revoked key stops working at once", async () => {
    const row = await db().prisma.apiKey.findFirstOrThrow();
    await revokeApiKey(ctx(), row.id);
    expect((await call(list, { key })).status).toBe(401);
  });

  it("creates a disabled webhook, returns the token once, and stores no plaintext secret", async () => {
    const res = await createOne({ events: ["deals.created", "page.created"], httpUser: "hook", httpPassword: "s3cret-pass", description: "CRM sync" });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      enabled: false,
      status: "disabled",
      events: ["deals.created", "page.created"],
      projects: [],
      httpUser: "hook",
      hasHttpPassword: true,
      failureLimit: 10,
    });
    expect(res.json.token).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(res.json).not.toHaveProperty("httpPassword");
    const rows = await db().prisma.$queryRawUnsafe<Record<string, unknown>[]>('select * from "Webhook"');
    const raw = JSON.stringify(rows);
    expect(raw).not.toContain(res.json.token);
    expect(raw).not.toContain(res.json.token.slice(6));
    expect(raw).not.toContain("s3cret-pass");
    const got = await call(getOne, { key, params: { id: res.json.id } });
    expect(got.json).not.toHaveProperty("token");
    expect((await call(revealToken, { key, params: { id: res.json.id } })).json).toEqual({ token: res.json.token });
  });

  it("keeps a user-supplied token and accepts all events", async () => {
    const res = await createOne({ token: "my-own-signing-token-123", events: ["*"] });
    expect(res.json).toMatchObject({ token: "my-own-signing-token-123", events: ["*"] });
  });

  it("400 with field issues for bad input, and nothing is written", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ url: "ftp://example.com/x" }, "url"],
      [{ url: "https://user:pw@example.com/x" }, "url"],
      [{ url: `https://example.com/${"a".repeat(2100)}` }, "url"],
      [{ events: [] }, "events"],
      [{ events: ["no.such.event"] }, "events.0"],
      [{ projects: ["unknown-project"] }, "projects.0"],
      [{ url: "http://10.0.0.1/hook" }, "url"],
      [{ url: "http://169.254.169.254/latest" }, "url"],
      [{ httpPassword: "only-a-password" }, "httpUser"],
      [{ surprise: true }, ""],
    ];
    for (const [body, path] of cases) {
      const res = await createOne(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe("validation_failed");
      expect(res.json.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    const badJson = await call(create, { method: "POST", key, rawBody: "{not json" });
    expect(badJson).toMatchObject({ status: 400, json: { error: { code: "invalid_json" } } });
    expect(await db().prisma.webhook.count()).toBe(0);
  });

  it("stores and returns the URL as the parser reads it, and refuses controls and spaces in it", async () => {
    // Full-width digits and dots: what is stored, shown and contacted is 127.0.0.1 (allow-listed in tests).
    const fullWidth = `http://１２７.０.０.１:${receiver.port}/x`;
    const normalized = `http://127.0.0.1:${receiver.port}/x`;
    const res = await createOne({ url: fullWidth });
    expect(res.status).toBe(201);
    expect(res.json.url).toBe(normalized);
    expect((await db().prisma.webhook.findUniqueOrThrow({ where: { id: res.json.id } })).url).toBe(normalized);
    const patched = await call(patchOne, { method: "PATCH", key, params: { id: res.json.id }, body: { url: `http://１２７.０.０.１:${receiver.port}/y` } });
    expect(patched.json.url).toBe(`http://127.0.0.1:${receiver.port}/y`);
    expect((await call(testUnsaved, { method: "POST", key, body: { url: fullWidth } })).json).toMatchObject({ ok: true, status: 200 });
    expect(receiver.received.at(-1)?.url).toBe("/x");

    for (const url of [`${receiver.url}/a\nb`, `${receiver.url}/a\tb`, `${receiver.url}/a b`, `${receiver.url}/a\u0000`]) {
      for (const bad of [
        await createOne({ url }),
        await call(patchOne, { method: "PATCH", key, params: { id: res.json.id }, body: { url } }),
        await call(testUnsaved, { method: "POST", key, body: { url } }),
        await call(testSaved, { method: "POST", key, params: { id: res.json.id }, body: { url } }),
      ]) {
        expect(bad.status, JSON.stringify(url)).toBe(400);
        expect(bad.json.error.issues.map((i: { path: string }) => i.path)).toEqual(["url"]);
      }
    }
    // [::127.0.0.1] is the IPv4-compatible ::7f00:1: refused on save, never contacted by a test.
    const compatible = await createOne({ url: `http://[::127.0.0.1]:${receiver.port}/hook` });
    expect(compatible.status).toBe(400);
    expect(compatible.json.error.issues).toEqual([{ path: "url", message: expect.stringContaining("::7f00:1 is not a public address (IPv4-compatible)") }]);
    const connectionsBefore = receiver.connections();
    expect((await call(testUnsaved, { method: "POST", key, body: { url: `http://[::127.0.0.1]:${receiver.port}/` } })).json).toMatchObject({
      ok: false,
      errorClass: "ssrf_blocked",
    });
    expect(receiver.connections()).toBe(connectionsBefore);

    expect(await db().prisma.webhook.count()).toBe(1);
    expect((await db().prisma.webhook.findUniqueOrThrow({ where: { id: res.json.id } })).url).toBe(`http://127.0.0.1:${receiver.port}/y`);
    expect(receiver.received.map((r) => r.url)).toEqual(["/x"]);
  });

  it("lists newest first with cursor pages and status filters", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createOne({ description: `n${i}` })).json.id);
    const first = await call(list, { key, path: "/webhooks?limit=2" });
    expect(first.json.data.map((w: { description: string }) => w.description)).toEqual(["n4", "n3"]);
    const second = await call(list, { key, path: `/webhooks?limit=2&cursor=${first.json.nextCursor}` });
    expect(second.json.data.map((w: { description: string }) => w.description)).toEqual(["n2", "n1"]);
    const third = await call(list, { key, path: `/webhooks?limit=2&cursor=${second.json.nextCursor}` });
    expect(third.json).toMatchObject({ nextCursor: null });
    expect(third.json.data).toHaveLength(1);
    await db().prisma.webhook.update({ where: { id: ids[0] }, data: { enabled: true, consecutiveFailures: 3 } });
    await db().prisma.webhook.update({ where: { id: ids[1] }, data: { enabled: true } });
    const status = async (q: string) => (await call(list, { key, path: `/webhooks?${q}` })).json.data.map((w: { id: string }) => w.id);
    expect(await status("status=failing")).toEqual([ids[0]]);
    expect(await status("status=working")).toEqual([ids[1]]);
    expect(await status("enabled=false")).toHaveLength(3);
    expect((await call(list, { key, path: "/webhooks?status=purple" })).status).toBe(400);
    expect((await call(list, { key, path: "/webhooks?limit=1000" })).status).toBe(400);
  });

  it("404 for an unknown id and 400 for a malformed one, on every id route", async () => {
    for (const [handler, method] of [
      [getOne, "GET"],
      [patchOne, "PATCH"],
      [deleteOne, "DELETE"],
      [testSaved, "POST"],
      [enable, "POST"],
      [disable, "POST"],
      [rotate, "POST"],
      [revealToken, "GET"],
    ] as const) {
      const missing = await call(handler, {
        method,
        key,
        params: { id: MISSING },
        body: method === "PATCH" ? { description: "x" } : method === "POST" ? {} : undefined,
      });
      expect(missing.status, `${method} ${handler.name}`).toBe(404);
      expect((await call(handler, { method, key, params: { id: "not-a-uuid" } })).status).toBe(400);
    }
  });

  it("updates partly, clears basic auth with null, and validates like create", async () => {
    const { json } = await createOne({ httpUser: "u", httpPassword: "p-password" });
    const res = await call(patchOne, {
      method: "PATCH",
      key,
      params: { id: json.id },
      body: { description: "edited", events: ["page.created", "deals.created"] },
    });
    expect(res.json).toMatchObject({ description: "edited", events: ["page.created", "deals.created"], url: json.url, httpUser: "u", hasHttpPassword: true });
    const cleared = await call(patchOne, { method: "PATCH", key, params: { id: json.id }, body: { httpUser: null } });
    expect(cleared.json).toMatchObject({ httpUser: null, hasHttpPassword: false });
    const bad = await call(patchOne, { method: "PATCH", key, params: { id: json.id }, body: { url: "javascript:alert(1)" } });
    expect(bad.status).toBe(400);
    expect((await call(getOne, { key, params: { id: json.id } })).json.url).toBe(json.url);
  });

  it("refuses a password that would have no user to go with, and writes nothing", async () => {
    const { json } = await createOne();
    const before = await db().prisma.webhook.findUniqueOrThrow({ where: { id: json.id } });
    // No user stored and none sent: the password would never be used.
    const alone = await call(patchOne, { method: "PATCH", key, params: { id: json.id }, body: { httpPassword: "orphan-password" } });
    expect(alone).toMatchObject({
      status: 400,
      json: { error: { issues: [{ path: "httpUser", message: "Enter the HTTP user that goes with the password" }] } },
    });
    const cleared = await call(patchOne, { method: "PATCH", key, params: { id: json.id }, body: { httpUser: null, httpPassword: "orphan-password" } });
    expect(cleared.status).toBe(400);
    expect(await db().prisma.webhook.findUniqueOrThrow({ where: { id: json.id } })).toEqual(before);
    // With a stored user, a password alone replaces the old one.
    await call(patchOne, { method: "PATCH", key, params: { id: json.id }, body: { httpUser: "u" } });
    expect((await call(patchOne, { method: "PATCH", key, params: { id: json.id }, body: { httpPassword: "now-fine" } })).json).toMatchObject({
      httpUser: "u",
      hasHttpPassword: true,
    });
  });

  it("disabling a webhook Hookline disabled keeps the reason it gave", async () => {
    const { json } = await createOne();
    await db().prisma.webhook.update({
      where: { id: json.id },
      data: { enabled: false, disabledReason: "10 consecutive failed deliveries", disabledAt: new Date() },
    });
    const res = await call(disable, { method: "POST", key, params: { id: json.id } });
    expect(res).toMatchObject({ status: 200, json: { enabled: false, status: "disabled", disabledReason: "10 consecutive failed deliveries" } });
  });

  it("tests an edited form without basic auth when its user field was emptied", async () => {
    const { json } = await createOne({ httpUser: "hook", httpPassword: "pw-pw-pw" });
    await call(testSaved, { method: "POST", key, params: { id: json.id }, body: {} });
    expect(receiver.received.at(-1)?.headers.authorization).toBe(`Basic ${Buffer.from("hook:pw-pw-pw").toString("base64")}`);
    await call(testSaved, { method: "POST", key, params: { id: json.id }, body: { httpUser: "" } });
    expect(receiver.received.at(-1)?.headers.authorization).toBeUndefined();
  });

  it("a new URL without a password in the same PATCH clears the stored password; the same URL or a typed one keeps one", async () => {
    const { json } = await createOne({ httpUser: "hook", httpPassword: "stored-secret" });
    const patch = (body: Record<string, unknown>) => call(patchOne, { method: "PATCH", key, params: { id: json.id }, body });
    const same = await patch({ url: json.url, description: "renamed" });
    expect(same.json).toMatchObject({ hasHttpPassword: true, httpUser: "hook" });
    const moved = await patch({ url: `${receiver.url}/elsewhere` });
    expect(moved.json).toMatchObject({ hasHttpPassword: false, httpUser: "hook" });
    expect((await db().prisma.webhook.findUniqueOrThrow({ where: { id: json.id } })).httpPasswordCiphertext).toBeNull();
    const retyped = await patch({ url: `${receiver.url}/third`, httpPassword: "typed-again" });
    expect(retyped.json).toMatchObject({ hasHttpPassword: true });
  });

  it("sends the stored password only to the saved URL; another URL gets only what the request carries", async () => {
    const other = await startReceiver();
    try {
      const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
      const { json } = await createOne({ httpUser: "hook", httpPassword: "stored-secret" });
      const test = (body: Record<string, unknown>) => call(testSaved, { method: "POST", key, params: { id: json.id }, body });
      const stored = basic("hook", "stored-secret");
      const leaks = (r: typeof other) => JSON.stringify(r.received).includes(stored) || JSON.stringify(r.received).includes("stored-secret");

      // Another URL, nothing typed (an API call, or the form with the password field left empty).
      expect((await test({ url: `${other.url}/hook` })).json.ok).toBe(true);
      expect(other.received.at(-1)?.headers.authorization).toBeUndefined();
      expect((await test({ url: `${other.url}/hook`, httpUser: "hook" })).json.ok).toBe(true);
      expect(other.received.at(-1)?.headers.authorization).toBe(basic("hook", ""));
      // The saved host and port with another path is another URL too.
      await test({ url: `${receiver.url}/elsewhere`, httpUser: "hook" });
      expect(receiver.received.at(-1)?.headers.authorization).toBe(basic("hook", ""));
      expect(leaks(other)).toBe(false);
      expect(leaks(receiver)).toBe(false);
      // A typed password goes where the request says.
      await test({ url: `${other.url}/hook`, httpUser: "someone", httpPassword: "typed-now" });
      expect(other.received.at(-1)?.headers.authorization).toBe(basic("someone", "typed-now"));

      // The saved URL, however it is written, still gets the stored credentials.
      await test({ url: `${receiver.url}/hook`, httpUser: "hook" });
      expect(receiver.received.at(-1)?.headers.authorization).toBe(stored);
      await test({ url: `${receiver.url.replace("http:", "HTTP:")}/x/../hook` });
      expect(receiver.received.at(-1)?.headers.authorization).toBe(stored);
      // The stored token signs either way (an HMAC does not give its key away).
      expect(other.received.at(-1)?.headers["webhook-signature"]).toMatch(/^v1,/);
      expect(leaks(other)).toBe(false);
    } finally {
      await other.close();
    }
  });

  it("tests a saved and an unsaved URL with a signed ping, and reports failures by class", async () => {
    const { json } = await createOne({ httpUser: "hook", httpPassword: "pw-pw-pw" });
    const saved = await call(testSaved, { method: "POST", key, params: { id: json.id }, body: {} });
    expect(saved.json).toMatchObject({ ok: true, status: 200, responseSnippet: "received" });
    const ping = receiver.received.at(-1);
    expect(ping?.headers.event).toBe("ping");
    expect(ping?.headers.authorization).toBe(`Basic ${Buffer.from("hook:pw-pw-pw").toString("base64")}`);
    expect(ping?.headers["webhook-id"]).toBe(ping?.headers.delivery);
    expect(JSON.parse(ping?.body ?? "{}")).toMatchObject({ event: "ping", data: { webhookId: json.id } });

    const edited = await call(testSaved, { method: "POST", key, params: { id: json.id }, body: { url: `${receiver.url}/other` } });
    expect(edited.json.ok).toBe(true);
    expect(receiver.received.at(-1)?.url).toBe("/other");

    answer = 500;
    expect((await call(testUnsaved, { method: "POST", key, body: { url: `${receiver.url}/x` } })).json).toMatchObject({
      ok: false,
      status: 500,
      errorClass: "http_status",
    });
    expect((await call(testUnsaved, { method: "POST", key, body: { url: "http://127.0.0.2:9/" } })).json).toMatchObject({
      ok: false,
      errorClass: "ssrf_blocked",
    });
    expect((await call(testUnsaved, { method: "POST", key, body: { url: "not a url" } })).status).toBe(400);
  });

  it("enable tests first: refuses with the reason and changes nothing, then enables once the URL works", async () => {
    const { json } = await createOne();
    answer = 503;
    const refused = await call(enable, { method: "POST", key, params: { id: json.id } });
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({ code: "test_failed" });
    expect(refused.json.error.message).toContain("HTTP 503");
    expect((await db().prisma.webhook.findUniqueOrThrow({ where: { id: json.id } })).enabled).toBe(false);
    answer = 200;
    await db().prisma.webhook.update({ where: { id: json.id }, data: { consecutiveFailures: 10, disabledReason: "10 consecutive failed deliveries" } });
    const enabled = await call(enable, { method: "POST", key, params: { id: json.id } });
    expect(enabled.json).toMatchObject({ enabled: true, status: "working", consecutiveFailures: 0, disabledReason: null });
    const disabled = await call(disable, { method: "POST", key, params: { id: json.id } });
    expect(disabled.json).toMatchObject({ enabled: false, status: "disabled" });
  });

  it("rotates the token: the new one is revealed, the old one keeps signing for 24 h", async () => {
    const { json } = await createOne();
    const rotated = await call(rotate, { method: "POST", key, params: { id: json.id } });
    expect(rotated.json.token).not.toBe(json.token);
    expect(new Date(rotated.json.previousTokenExpiresAt).getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    expect((await call(revealToken, { key, params: { id: json.id } })).json.token).toBe(rotated.json.token);
    await call(testSaved, { method: "POST", key, params: { id: json.id }, body: {} });
    expect(String(receiver.received.at(-1)?.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect((await call(rotate, { method: "POST", key, params: { id: json.id }, body: { token: "short" } })).status).toBe(400);
  });

  it("deletes, then 404", async () => {
    const { json } = await createOne();
    expect((await call(deleteOne, { method: "DELETE", key, params: { id: json.id } })).status).toBe(204);
    expect((await call(getOne, { key, params: { id: json.id } })).status).toBe(404);
  });
});
