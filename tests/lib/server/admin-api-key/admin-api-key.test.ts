import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { adminApiKeyInfo, readAdminApiKey, regenerateAdminApiKey, revealAdminApiKey } from "@/lib/server/admin-api-key/admin-api-key";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

describe.each(TEST_DATABASES)("the administrative API key on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("does not exist until it is made; reveal then says so", async () => {
    expect(await adminApiKeyInfo(ctx())).toEqual({ createdAt: null });
    expect(await readAdminApiKey(ctx())).toBeNull();
    await expect(revealAdminApiKey(ctx())).rejects.toMatchObject({ kind: "not_found" });
  });

  it("is made and replaced by regenerate, stored sealed (never the plaintext), one row", async () => {
    const first = await regenerateAdminApiKey(ctx(), new Date("2026-11-30T10:00:00Z"));
    expect(first).toEqual({ key: expect.stringMatching(/^[0-9a-f]{32}$/), createdAt: "2026-11-30T10:00:00.000Z" });
    expect(await revealAdminApiKey(ctx())).toEqual(first);
    expect(await readAdminApiKey(ctx())).toBe(first.key);
    expect(await adminApiKeyInfo(ctx())).toEqual({ createdAt: "2026-11-30T10:00:00.000Z" });

    const second = await regenerateAdminApiKey(ctx(), new Date("2026-11-30T11:00:00Z"));
    expect(second.key).not.toBe(first.key);
    expect(await readAdminApiKey(ctx())).toBe(second.key);
    const rows = await database().prisma.adminApiKey.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.keyCiphertext).toMatch(/^v1\./);
    expect(JSON.stringify(rows)).not.toContain(second.key);
    expect(JSON.stringify(rows)).not.toContain(first.key);
  });

  it("is each workspace's own: another workspace's key is neither read nor replaced", async () => {
    const prisma = database().prisma;
    const other = otherCtx(prisma, await createOtherWorkspace(prisma));
    const mine = await regenerateAdminApiKey(ctx(), new Date("2026-11-30T10:00:00Z"));
    expect(await readAdminApiKey(other)).toBeNull();
    expect(await adminApiKeyInfo(other)).toEqual({ createdAt: null });
    await expect(revealAdminApiKey(other)).rejects.toMatchObject({ kind: "not_found" });
    const theirs = await regenerateAdminApiKey(other, new Date("2026-11-30T11:00:00Z"));
    expect(theirs.key).not.toBe(mine.key);
    expect(await readAdminApiKey(ctx())).toBe(mine.key);
    expect(await revealAdminApiKey(other)).toEqual(theirs);
    expect(await prisma.adminApiKey.count()).toBe(2);
  });
});
