import { describe, expect, it } from "vitest";
import { handleWorksectionAdmin } from "@/lib/api/worksection/handle-admin-v2";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { regenerateAdminApiKey } from "@/lib/server/admin-api-key/admin-api-key";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { md5 } from "../../../helpers/worksection-client";

describe.each(TEST_DATABASES)("handleWorksectionAdmin on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ask = async (url: string) => {
    const response = await handleWorksectionAdmin(new Request(url));
    return { status: response.status, type: response.headers.get("content-type"), json: await response.json() };
  };

  it("checks the hash before the action runs, then answers the action's result as JSON", async () => {
    const query = "action=delete_webhook&id=8d7a2a4e-5f0e-4c8b-9a51-0c1f5a0f9a11";
    // Wrong hash: 401 even though the action itself would have said "not found".
    expect(await ask(`http://localhost/api/admin/v2/?${query}&hash=${md5(query)}`)).toEqual({
      status: 401,
      type: "application/json",
      json: { status: "error", status_code: 2, message: "Action hash is missed or invalid" },
    });
    const { key } = await regenerateAdminApiKey(defaultWorkspaceContext(database().prisma));
    expect(await ask(`http://localhost/api/admin/v2/?${query}&hash=${md5(query + key)}`)).toMatchObject({ status: 404, json: { status_code: 8 } });
    expect(await database().prisma.webhook.count()).toBe(0);
  });
});
