import { describe, expect, it } from "vitest";
import { handleWorksectionAdmin } from "@/lib/api/worksection/handle-admin-v2";
import { API_ADDRESS_FREE_FAILURES } from "@/lib/auth/login-throttle";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { regenerateAdminApiKey } from "@/lib/server/admin-api-key/admin-api-key";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { md5 } from "../../../helpers/worksection-client";

describe.each(TEST_DATABASES)("handleWorksectionAdmin on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ask = async (url: string, address?: string) => {
    const response = await handleWorksectionAdmin(new Request(url, { headers: address ? { "x-forwarded-for": address } : {} }));
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      retryAfter: response.headers.get("retry-after"),
      json: await response.json(),
    };
  };

  it("checks the hash before the action runs, then answers the action's result as JSON", async () => {
    const query = "action=delete_webhook&id=8d7a2a4e-5f0e-4c8b-9a51-0c1f5a0f9a11";
    // Wrong hash: 401 even though the action itself would have said "not found".
    expect(await ask(`http://localhost/api/admin/v2/?${query}&hash=${md5(query)}`)).toEqual({
      status: 401,
      type: "application/json",
      retryAfter: null,
      json: { status: "error", status_code: 2, message: "Action hash is missed or invalid" },
    });
    const { key } = await regenerateAdminApiKey(defaultWorkspaceContext(database().prisma));
    expect(await ask(`http://localhost/api/admin/v2/?${query}&hash=${md5(query + key)}`)).toMatchObject({ status: 404, json: { status_code: 8 } });
    expect(await database().prisma.webhook.count()).toBe(0);
  });

  it("throttles failed hashes per client address: 429 in Worksection's shape with Retry-After; good hashes and other addresses are not slowed", async () => {
    const { key } = await regenerateAdminApiKey(defaultWorkspaceContext(database().prisma));
    const query = "action=get_webhooks";
    const good = `http://localhost/api/admin/v2/?${query}&hash=${md5(query + key)}`;
    const guess = (i: number) => `http://localhost/api/admin/v2/?${query}&hash=${md5(`${query}guess${i}`)}`;
    for (let i = 0; i < API_ADDRESS_FREE_FAILURES + 2; i++) expect((await ask(good, "198.51.100.1")).status).toBe(200);
    for (let i = 0; i < API_ADDRESS_FREE_FAILURES; i++) expect((await ask(guess(i), "198.51.100.1")).json).toMatchObject({ status_code: 2 });
    expect(await ask(good, "198.51.100.1")).toEqual({
      status: 429,
      type: "application/json",
      retryAfter: "1",
      json: { status: "error", status_code: 12, message: "Too many failed attempts, retry later", message_details: "Retry in 1 s" },
    });
    expect((await ask(good, "203.0.113.9")).status).toBe(200);
    // A malformed call is no guess: it is refused before any hash is checked, and not counted.
    for (let i = 0; i < API_ADDRESS_FREE_FAILURES + 1; i++) expect((await ask(`http://localhost/api/admin/v2/?a=1&a=2`, "203.0.113.9")).status).toBe(400);
    expect((await ask(good, "203.0.113.9")).status).toBe(200);
    const keys = (await database().prisma.loginThrottle.findMany({ select: { key: true } })).map((k) => k.key);
    // Only failed hashes are counted: 203.0.113.9 sent good ones and malformed calls.
    expect(keys).toEqual(["api-ip:198.51.100.1"]);
  });

  it("30 valid calls at once from one address all succeed, and leave no throttle count", async () => {
    const { key } = await regenerateAdminApiKey(defaultWorkspaceContext(database().prisma));
    const query = "action=get_webhooks";
    const answers = await Promise.all(
      Array.from({ length: 3 * API_ADDRESS_FREE_FAILURES }, () => ask(`http://localhost/api/admin/v2/?${query}&hash=${md5(query + key)}`, "198.51.100.7")),
    );
    expect(answers.map((a) => [a.status, a.json.status])).toEqual(Array(3 * API_ADDRESS_FREE_FAILURES).fill([200, "ok"]));
    expect(await database().prisma.loginThrottle.count()).toBe(0);
  });
});
