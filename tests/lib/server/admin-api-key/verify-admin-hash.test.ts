import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { regenerateAdminApiKey } from "@/lib/server/admin-api-key/admin-api-key";
import { workspaceOfAdminHash } from "@/lib/server/admin-api-key/verify-admin-hash";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

const md5 = (text: string) => createHash("md5").update(text).digest("hex");
const DEFAULT_REF = { id: DEFAULT_WORKSPACE_ID, slug: "default", name: "Default" };

describe.each(TEST_DATABASES)("workspaceOfAdminHash on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("accepts md5(signed + key) for the current key only, naming its workspace", async () => {
    expect(await workspaceOfAdminHash("action=get_webhooks", md5("action=get_webhooks"))).toBeNull(); // no key yet
    const { key } = await regenerateAdminApiKey(ctx());
    expect(await workspaceOfAdminHash("action=get_webhooks", md5(`action=get_webhooks${key}`))).toEqual(DEFAULT_REF);
    expect(await workspaceOfAdminHash("action=get_webhooks", md5(`action=delete_webhook${key}`))).toBeNull();
    expect(await workspaceOfAdminHash("action=get_webhooks", null)).toBeNull();
    const { key: next } = await regenerateAdminApiKey(ctx());
    expect(await workspaceOfAdminHash("action=get_webhooks", md5(`action=get_webhooks${key}`))).toBeNull();
    expect(await workspaceOfAdminHash("action=get_webhooks", md5(`action=get_webhooks${next}`))).toEqual(DEFAULT_REF);
  });

  it("tells the workspaces apart by whose key signed the call", async () => {
    const prisma = database().prisma;
    const other = await createOtherWorkspace(prisma);
    const { key: otherKey } = await regenerateAdminApiKey(otherCtx(prisma, other));
    expect(await workspaceOfAdminHash("action=get_webhooks", md5(`action=get_webhooks${otherKey}`))).toEqual(other);
    const { key: defaultKey } = await regenerateAdminApiKey(ctx());
    expect(await workspaceOfAdminHash("action=get_webhooks", md5(`action=get_webhooks${defaultKey}`))).toEqual(DEFAULT_REF);
    expect(await workspaceOfAdminHash("action=get_webhooks", md5(`action=get_webhooks${otherKey}`))).toEqual(other);
  });
});
