import { parse as parsePgUrl } from "pg-connection-string";
import { describe, expect, it, vi } from "vitest";
import { GET as metadata } from "@/app/.well-known/oauth-authorization-server/route";
import { GET as adminV2 } from "@/app/api/admin/v2/route";
import { POST as revoke } from "@/app/api/oauth/revoke/route";
import { POST as token } from "@/app/api/oauth/token/route";
import { GET as oauth2 } from "@/app/api/oauth2/route";
import { POST as consent } from "@/app/api/v1/oauth-consent/route";
import { installDatabase } from "@/lib/db";
import { openDatabase } from "@/lib/db/open-database";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { regenerateAdminApiKey } from "@/lib/server/admin-api-key/admin-api-key";
import { createOAuthApp } from "@/lib/server/oauth/oauth-apps";
import { createUser } from "@/lib/server/users/create-user";
import { freshDatabasePerTest, TEST_DATABASES, type TestPostgres } from "../helpers/databases";
import { form, ORIGIN, pkce, REDIRECT } from "../helpers/oauth";
import { sessionCookie } from "../helpers/routes";
import { relayTo } from "../helpers/tcp-relay";
import { md5 } from "../helpers/worksection-client";

// Issue 21.8: the OAuth endpoints (and the consent step, and Worksection's two endpoints) meet an
// unavailable database with 503 and Retry-After, as /api/v1 does (tests/api/hostile-input.test.ts),
// each in its own error shape and without the database's words. PGlite is closed under the app; the
// PostgreSQL app talks through a relay that is taken down, as a restart would.

const TEXT_OF_DB_ERRORS = /PGlite|ECONNREFUSED|terminat|connect|prisma/i;

describe.each(TEST_DATABASES)("OAuth and Worksection endpoints while the database is unavailable, on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  /** Runs `work` with the app's database unreachable; everything before it was written while it was up. */
  async function whileDown(work: () => Promise<void>): Promise<void> {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      if (backend.name === "pglite") {
        await db().close();
        return await work();
      }
      const { url } = db() as TestPostgres;
      const { port } = parsePgUrl(url);
      const relay = await relayTo(Number(port || 5432));
      const viaRelay = await openDatabase({ kind: "postgres", url: url.replace(/@[^/]+\//, `@127.0.0.1:${relay.port}/`) });
      installDatabase(viaRelay);
      try {
        await relay.down();
        await work();
      } finally {
        await viaRelay.close();
        installDatabase(db()); // the test's own database, closed and dropped after the test
      }
    } finally {
      quiet.mockRestore();
    }
  }

  const answer = async (response: Response) => ({ status: response.status, retryAfter: response.headers.get("retry-after"), text: await response.text() });

  it("token, revocation, consent, /api/oauth2 and /api/admin/v2 answer 503 (the metadata, which reads nothing, 200) with Retry-After, each in its own shape", async () => {
    if (backend.name === "postgres" && parsePgUrl((db() as TestPostgres).url).host?.startsWith("/")) return; // the relay needs TCP
    const ctx = defaultWorkspaceContext(db().prisma);
    const admin = await createUser({ email: "admin@example.com", password: "admin-password-1", role: "ADMIN" });
    const app = await createOAuthApp(ctx, { name: "Reports", redirectUris: [REDIRECT], scopes: ["administrative"] }, admin.id);
    const cookie = await sessionCookie(admin.id);
    const { key } = await regenerateAdminApiKey(ctx);
    const client = { id: app.clientId, secret: app.clientSecret };
    const query = "action=get_webhooks";

    await whileDown(async () => {
      const oauth = [
        await answer(await token(form({ grant_type: "client_credentials" }, client))),
        await answer(await revoke(form({ token: "hlrt_x" }, client, "/api/oauth/revoke"))),
      ];
      for (const res of oauth) {
        expect(res.status, res.text).toBe(503);
        expect(res.retryAfter).toMatch(/^\d+$/);
        expect(JSON.parse(res.text)).toMatchObject({ error: "temporarily_unavailable", error_description: expect.stringMatching(/retry shortly/) });
        expect(res.text).not.toMatch(TEXT_OF_DB_ERRORS);
      }

      const { challenge } = pkce();
      const decision = {
        response_type: "code",
        client_id: client.id,
        redirect_uri: REDIRECT,
        state: "s",
        code_challenge: challenge,
        code_challenge_method: "S256",
        decision: "approve",
      };
      const v1 = [
        await answer(
          await consent(
            new Request(`${ORIGIN}/api/v1/oauth-consent`, {
              method: "POST",
              headers: { cookie, origin: ORIGIN, "content-type": "application/json" },
              body: JSON.stringify(decision),
            }),
            { params: Promise.resolve({}) },
          ),
        ),
      ];
      // The discovery document reads nothing from the database: it answers whatever the database does.
      expect((await metadata(new Request(`${ORIGIN}/.well-known/oauth-authorization-server`))).status).toBe(200);
      for (const res of v1) {
        expect(res.status, res.text).toBe(503);
        expect(res.retryAfter).toMatch(/^\d+$/);
        expect(JSON.parse(res.text)).toMatchObject({ error: { code: "unavailable" } });
      }

      const worksection = [
        await answer(await oauth2(new Request(`${ORIGIN}/api/oauth2?${query}`, { headers: { authorization: "Bearer hlat_x" } }))),
        await answer(await adminV2(new Request(`${ORIGIN}/api/admin/v2/?${query}&hash=${md5(query + key)}`))),
      ];
      for (const res of worksection) {
        expect(res.status, res.text).toBe(503);
        expect(res.retryAfter).toMatch(/^\d+$/);
        expect(JSON.parse(res.text)).toEqual({ status: "error", status_code: 20, message: "Service is unavailable, retry shortly" });
      }
    });
  });
});
