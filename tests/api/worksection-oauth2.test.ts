import { describe, expect, it, vi } from "vitest";
import { POST as token } from "@/app/api/oauth/token/route";
import * as oauth2 from "@/app/api/oauth2/route";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { createOAuthApp } from "@/lib/server/oauth/oauth-apps";
import type { TScope } from "@/lib/validation/scopes";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";
import { startReceiver } from "../helpers/receiver";
import { adminKey } from "../helpers/routes";
import { queryOf, send } from "../helpers/worksection-client";

// Seed 004's second form: the same three actions at /api/oauth2?action=..., with an OAuth 2.0 token
// (scope = administrative) as `Authorization: Bearer` or as `access_token=`.

const ORIGIN = "http://localhost:3000";

describe.each(TEST_DATABASES)("Worksection's /api/oauth2 on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);

  async function accessToken(scopes: TScope[]): Promise<string> {
    const app = await createOAuthApp(ctx(), { name: `ws ${scopes.join(" ")}`, redirectUris: [], scopes }, null);
    const res = await token(
      new Request(`${ORIGIN}/api/oauth/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: app.clientId, client_secret: app.clientSecret }),
      }),
    );
    return ((await res.json()) as { access_token: string }).access_token;
  }
  const bearer = (t: string) => ({ headers: { authorization: `Bearer ${t}` } });

  it("add_webhook, get_webhooks and delete_webhook with a token of scope administrative, by header or by access_token", async () => {
    const admin = await accessToken(["administrative"]);
    const target = await startReceiver((_q, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"status":"OK"}');
    });
    try {
      const added = await send(
        oauth2.GET,
        `${ORIGIN}/api/oauth2?${queryOf({ action: "add_webhook", url: `${target.url}/ws`, events: "post_task,reopen_task" })}`,
        bearer(admin),
      );
      expect(added).toMatchObject({ status: 200, json: { status: "ok", id: expect.any(String) } });
      expect(target.received).toHaveLength(1); // the URL check
      const listed = await send(oauth2.GET, `${ORIGIN}/api/oauth2?action=get_webhooks&access_token=${admin}`);
      expect(listed.json).toEqual({ status: "ok", data: [{ id: added.json.id, url: `${target.url}/ws`, events: "post_task,reopen_task", status: "active" }] });
      const form = {
        method: "POST",
        headers: { authorization: `Bearer ${admin}`, "content-type": "application/x-www-form-urlencoded" },
        body: `action=delete_webhook&id=${added.json.id}`,
      };
      expect(await send(oauth2.POST, `${ORIGIN}/api/oauth2`, form)).toMatchObject({ status: 200, json: { status: "ok" } });
      expect(await db().prisma.webhook.count()).toBe(0);
    } finally {
      await target.close();
    }
  });

  it("no token, an API key, a revoked or unknown token: 401 in Worksection's shape; a token without the scope: 403; nothing written", async () => {
    const url = `${ORIGIN}/api/oauth2?${queryOf({ action: "add_webhook", url: "http://127.0.0.1:9/x", events: "post_task" })}`;
    for (const init of [{}, bearer(await adminKey()), bearer("hlat_unknown")]) {
      const res = await send(oauth2.GET, url, init);
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ status: "error", status_code: 9 });
      expect(res.headers.get("www-authenticate")).toContain("invalid_token");
    }
    const reader = await accessToken(["webhooks:read"]);
    expect((await send(oauth2.GET, `${ORIGIN}/api/oauth2?action=get_webhooks`, bearer(reader))).json).toEqual({ status: "ok", data: [] });
    const refused = await send(oauth2.GET, url, bearer(reader));
    expect(refused).toMatchObject({ status: 403, json: { status: "error", status_code: 10, message_details: expect.stringContaining("webhooks:write") } });
    const revoked = await accessToken(["administrative"]);
    await db().prisma.oAuthToken.updateMany({ data: { revokedAt: new Date() } });
    expect((await send(oauth2.GET, url, bearer(revoked))).status).toBe(401);
    expect(await db().prisma.webhook.count()).toBe(0);
  });
  it("a token in the query string: every answer says no-store, and nothing written to the log holds the token", async () => {
    const logged: string[] = [];
    for (const method of ["log", "error", "warn", "info"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    }
    try {
      const admin = await accessToken(["administrative"]);
      const reader = await accessToken(["webhooks:read"]);
      const calls = [
        `action=get_webhooks&access_token=${admin}`,
        `action=delete_webhook&id=00000000-0000-4000-8000-000000000000&access_token=${admin}`,
        `action=add_webhook&url=http%3A%2F%2F127.0.0.1%3A9%2Fx&events=post_task&access_token=${reader}`,
        `action=get_webhooks&access_token=${admin}&access_token=${admin}`,
        `action=get_webhooks&access_token=${admin}x`,
      ];
      const statuses = [];
      for (const query of calls) {
        const res = await send(oauth2.GET, `${ORIGIN}/api/oauth2?${query}`);
        statuses.push(res.status);
        expect(res.headers.get("cache-control")).toBe("no-store");
      }
      expect(statuses).toEqual([200, 404, 403, 400, 401]);
      expect(logged.filter((line) => line.includes(admin.slice(8)) || line.includes(reader.slice(8)))).toEqual([]);
    } finally {
      vi.restoreAllMocks();
    }
  });
});
