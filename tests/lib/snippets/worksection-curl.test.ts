import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { handleWorksectionAdmin } from "@/lib/api/worksection/handle-admin-v2";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { serveFetch } from "@/lib/http/serve-fetch";
import { regenerateAdminApiKey } from "@/lib/server/admin-api-key/admin-api-key";
import { KEY_PLACEHOLDER, worksectionCurlExample } from "@/lib/snippets/worksection-curl";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";

const run = promisify(execFile);

describe("worksectionCurlExample", () => {
  it("shows the three actions, with a placeholder until the key is revealed", () => {
    const text = worksectionCurlExample({ origin: "https://hooks.example", key: null });
    expect(text).toContain(`KEY='${KEY_PLACEHOLDER}'`);
    expect(text).toContain("BASE='https://hooks.example/api/admin/v2/'");
    for (const action of ["get_webhooks", "add_webhook", "delete_webhook"]) expect(text).toContain(`Q='action=${action}`);
    expect(worksectionCurlExample({ origin: "http://a", key: "it's" })).toContain(`KEY='it'\\''s'`);
  });
});

describe.each(TEST_DATABASES)("the example, run by bash against the real handler on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  it("lists webhooks with the revealed key (its first call, up to the add example that would leave this machine)", async () => {
    const { key } = await regenerateAdminApiKey(defaultWorkspaceContext(db().prisma));
    const server = http.createServer((req, res) => void serveFetch(handleWorksectionAdmin, req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const script = worksectionCurlExample({ origin, key }).split("# Add one")[0] ?? "";
      const { stdout } = await run("bash", ["-c", script]);
      expect(JSON.parse(stdout)).toEqual({ status: "ok", data: [] });
      const { stdout: refused } = await run("bash", ["-c", worksectionCurlExample({ origin, key: "0".repeat(32) }).split("# Add one")[0] ?? ""]);
      expect(JSON.parse(refused)).toMatchObject({ status: "error", status_code: 2 });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
