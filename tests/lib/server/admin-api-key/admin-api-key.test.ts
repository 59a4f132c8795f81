import { describe, expect, it } from "vitest";
import { adminApiKeyInfo, readAdminApiKey, regenerateAdminApiKey, revealAdminApiKey } from "@/lib/server/admin-api-key/admin-api-key";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

describe.each(TEST_DATABASES)("the administrative API key on $name", (backend) => {
  const database = freshDatabasePerTest(backend);

  it("does not exist until it is made; reveal then says so", async () => {
    expect(await adminApiKeyInfo()).toEqual({ createdAt: null });
    expect(await readAdminApiKey()).toBeNull();
    await expect(revealAdminApiKey()).rejects.toMatchObject({ kind: "not_found" });
  });

  it("is made and replaced by regenerate, stored sealed (never the plaintext), one row", async () => {
    const first = await regenerateAdminApiKey(new Date("2026-11-30T10:00:00Z"));
    expect(first).toEqual({ key: expect.stringMatching(/^[0-9a-f]{32}$/), createdAt: "2026-11-30T10:00:00.000Z" });
    expect(await revealAdminApiKey()).toEqual(first);
    expect(await readAdminApiKey()).toBe(first.key);
    expect(await adminApiKeyInfo()).toEqual({ createdAt: "2026-11-30T10:00:00.000Z" });

    const second = await regenerateAdminApiKey(new Date("2026-11-30T11:00:00Z"));
    expect(second.key).not.toBe(first.key);
    expect(await readAdminApiKey()).toBe(second.key);
    const rows = await database().prisma.adminApiKey.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.keyCiphertext).toMatch(/^v1\./);
    expect(JSON.stringify(rows)).not.toContain(second.key);
    expect(JSON.stringify(rows)).not.toContain(first.key);
  });
});
