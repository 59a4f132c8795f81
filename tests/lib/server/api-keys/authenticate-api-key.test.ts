import { describe, expect, it, vi } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { createApiKey, revokeApiKey } from "@/lib/server/api-keys/api-keys";
import { authenticateApiKey } from "@/lib/server/api-keys/authenticate-api-key";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

describe.each(TEST_DATABASES)("authenticateApiKey on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("requests arriving together share one lookup; a revocation holds from the next one", async () => {
    const { id, key } = await createApiKey(ctx(), { name: "host" }, null);
    const findUnique = vi.spyOn(database().prisma.apiKey, "findUnique");
    const results = await Promise.all(Array.from({ length: 16 }, () => authenticateApiKey(key)));
    expect(results.every((r) => r?.id === id)).toBe(true);
    expect(findUnique).toHaveBeenCalledTimes(1);
    // Nothing is cached: the next request looks again, and sees the revocation.
    await revokeApiKey(ctx(), id);
    const before = findUnique.mock.calls.length;
    expect(await authenticateApiKey(key)).toBeNull();
    expect(findUnique).toHaveBeenCalledTimes(before + 1);
    findUnique.mockRestore();
  });

  it("refuses a key of the wrong form or unknown without a lookup of anything but its hash", async () => {
    expect(await authenticateApiKey("not-a-key")).toBeNull();
    expect(await authenticateApiKey(`hkl_${"x".repeat(300)}`)).toBeNull();
    expect(await authenticateApiKey("hkl_unknownunknownunknown")).toBeNull();
  });

  it("touches lastUsedAt at most once a minute", async () => {
    const { id, key } = await createApiKey(ctx(), { name: "host" }, null);
    const t0 = new Date("2026-11-30T10:00:00Z");
    const lastUsed = async () => (await database().prisma.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt?.toISOString();
    await Promise.all([authenticateApiKey(key, t0), authenticateApiKey(key, t0)]);
    expect(await lastUsed()).toBe(t0.toISOString());
    await authenticateApiKey(key, new Date(t0.getTime() + 30_000));
    expect(await lastUsed()).toBe(t0.toISOString());
    const later = new Date(t0.getTime() + 61_000);
    await authenticateApiKey(key, later);
    expect(await lastUsed()).toBe(later.toISOString());
  });
});
