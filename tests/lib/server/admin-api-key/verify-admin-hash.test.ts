import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { regenerateAdminApiKey } from "@/lib/server/admin-api-key/admin-api-key";
import { isValidAdminHash } from "@/lib/server/admin-api-key/verify-admin-hash";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

const md5 = (text: string) => createHash("md5").update(text).digest("hex");

describe.each(TEST_DATABASES)("isValidAdminHash on $name", (backend) => {
  freshDatabasePerTest(backend);

  it("accepts md5(signed + key) for the current key only", async () => {
    expect(await isValidAdminHash("action=get_webhooks", md5("action=get_webhooks"))).toBe(false); // no key yet
    const { key } = await regenerateAdminApiKey();
    expect(await isValidAdminHash("action=get_webhooks", md5(`action=get_webhooks${key}`))).toBe(true);
    expect(await isValidAdminHash("action=get_webhooks", md5(`action=delete_webhook${key}`))).toBe(false);
    expect(await isValidAdminHash("action=get_webhooks", null)).toBe(false);
    const { key: next } = await regenerateAdminApiKey();
    expect(await isValidAdminHash("action=get_webhooks", md5(`action=get_webhooks${key}`))).toBe(false);
    expect(await isValidAdminHash("action=get_webhooks", md5(`action=get_webhooks${next}`))).toBe(true);
  });
});
