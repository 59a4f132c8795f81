import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { openSecret, signingTokens } from "@/lib/delivery/webhook-secrets";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { revealWebhookToken, rotateWebhookToken } from "@/lib/server/webhooks/webhook-token";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe.each(TEST_DATABASES)("webhook tokens on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);
  const row = (id: string) => database().prisma.webhook.findUniqueOrThrow({ where: { id } });

  it("reveals the token, and rotates it keeping the old one signing for 24 hours", async () => {
    const { id } = await createWebhook(ctx(), { url: "http://127.0.0.1:9/t", events: ["deals.created"], token: "first-token-0123456789" });
    expect(await revealWebhookToken(ctx(), id)).toEqual({ token: "first-token-0123456789" });
    const now = new Date("2026-11-30T10:00:00Z");
    expect(await rotateWebhookToken(ctx(), id, { token: "second-token-0123456789" }, now)).toEqual({
      token: "second-token-0123456789",
      previousTokenExpiresAt: "2026-12-01T10:00:00.000Z",
    });
    expect(await revealWebhookToken(ctx(), id)).toEqual({ token: "second-token-0123456789" });
    const rotated = await row(id);
    expect(signingTokens(rotated, new Date("2026-12-01T09:59:59Z"))).toEqual(["second-token-0123456789", "first-token-0123456789"]);
    expect(signingTokens(rotated, new Date("2026-12-01T10:00:01Z"))).toEqual(["second-token-0123456789"]);
    // Without a chosen token a new whsec_ one is generated; the previous is the one just replaced.
    const third = await rotateWebhookToken(ctx(), id, undefined, now);
    expect(third.token).toMatch(/^whsec_/);
    const previous = (await row(id)).previousTokenCiphertext;
    expect(previous && openSecret(previous)).toBe("second-token-0123456789");
  });

  it("the old token's overlap is chosen: 1 h, 7 d, or none at all", async () => {
    const { id } = await createWebhook(ctx(), { url: "http://127.0.0.1:9/t", events: ["deals.created"], token: "first-token-0123456789" });
    const now = new Date("2026-11-30T10:00:00Z");
    expect((await rotateWebhookToken(ctx(), id, { overlap: "1h" }, now)).previousTokenExpiresAt).toBe("2026-11-30T11:00:00.000Z");
    expect((await rotateWebhookToken(ctx(), id, { overlap: "7d" }, now)).previousTokenExpiresAt).toBe("2026-12-07T10:00:00.000Z");
    const leaked = await rotateWebhookToken(ctx(), id, { overlap: "now" }, now);
    expect(leaked.previousTokenExpiresAt).toBeNull();
    expect(signingTokens(await row(id), now)).toEqual([leaked.token]);
    expect((await row(id)).previousTokenCiphertext).toBeNull();
    const error = await rotateWebhookToken(ctx(), id, { overlap: "2d" }).catch((e: unknown) => e);
    expect((error as ZodError).issues[0]?.path).toEqual(["overlap"]);
  });

  it("refuses an unknown id and a bad token, changing nothing", async () => {
    const { id } = await createWebhook(ctx(), { url: "http://127.0.0.1:9/t", events: ["deals.created"], token: "first-token-0123456789" });
    const before = await row(id);
    await expect(revealWebhookToken(ctx(), MISSING)).rejects.toMatchObject({ kind: "not_found" });
    await expect(rotateWebhookToken(ctx(), MISSING, {})).rejects.toMatchObject({ kind: "not_found" });
    for (const input of [{ token: "short" }, { token: "has a space in it 0123" }, { token: "x".repeat(20), extra: 1 }]) {
      const error = await rotateWebhookToken(ctx(), id, input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues[0]?.path).toEqual("extra" in input ? [] : ["token"]);
    }
    expect(await row(id)).toEqual(before);
  });
});
