import { describe, expect, it } from "vitest";
import { pruneDeadOAuthGrants, pruneHistory } from "@/lib/delivery/runtime/prune-history";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook } from "../../../helpers/delivery";

const NOW = new Date("2026-11-30T12:00:00Z");
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

describe.each(TEST_DATABASES)("pruneHistory on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  const event = (occurredAt: Date, type = "deals.created") =>
    db().prisma.event.create({ data: { type, payload: { at: occurredAt.toISOString() }, occurredAt } });

  it("deletes finished deliveries older than the limit with their attempts, and keeps recent and unfinished ones", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/h");
    const old = await event(daysAgo(40));
    const recent = await event(daysAgo(10));
    const delivery = (status: "pending" | "in_flight" | "succeeded" | "failed", createdAt: Date, eventId = old.id) =>
      db().prisma.delivery.create({ data: { webhookId: hook.id, eventId, status, createdAt } });
    const oldSucceeded = await delivery("succeeded", daysAgo(40));
    const oldFailed = await delivery("failed", daysAgo(31));
    const oldPending = await delivery("pending", daysAgo(40));
    const oldInFlight = await delivery("in_flight", daysAgo(40));
    const atCutoff = await delivery("succeeded", daysAgo(30));
    const recentSucceeded = await delivery("succeeded", daysAgo(10), recent.id);
    for (const d of [oldSucceeded, oldFailed, recentSucceeded])
      await db().prisma.attempt.create({ data: { deliveryId: d.id, number: 1, trigger: "auto", startedAt: d.createdAt, durationMs: 5, requestHeaders: {} } });

    expect(await pruneHistory(db().prisma, 30, NOW)).toBe(2);
    const left = await db().prisma.delivery.findMany({ select: { id: true } });
    expect(new Set(left.map((d) => d.id))).toEqual(new Set([oldPending.id, oldInFlight.id, atCutoff.id, recentSucceeded.id]));
    expect(await db().prisma.attempt.findMany({ select: { deliveryId: true } })).toEqual([{ deliveryId: recentSucceeded.id }]);
    // The old event still has deliveries waiting: it stays.
    expect(await db().prisma.event.count()).toBe(2);
    expect(await pruneHistory(db().prisma, 30, NOW)).toBe(0);
  });

  it("deletes old events left without deliveries, and keeps recent ones", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/h");
    await event(daysAgo(45)); // no deliveries at all
    const finishedOld = await event(daysAgo(45));
    await db().prisma.delivery.create({ data: { webhookId: hook.id, eventId: finishedOld.id, status: "failed", createdAt: daysAgo(45) } });
    const lonelyRecent = await event(daysAgo(1));
    expect(await pruneHistory(db().prisma, 30, NOW)).toBe(1);
    expect(await db().prisma.event.findMany({ select: { id: true } })).toEqual([{ id: lonelyRecent.id }]);
  });

  it("deletes the overview's hourly counts older than the limit", async () => {
    const workspaceId = "00000000-0000-4000-8000-000000000001";
    for (const hour of [daysAgo(31), daysAgo(29)]) await db().prisma.deliveryStat.create({ data: { workspaceId, hour, succeeded: 1, firstLatency: [] } });
    await pruneHistory(db().prisma, 30, NOW);
    expect((await db().prisma.deliveryStat.findMany()).map((s) => s.hour)).toEqual([daysAgo(29)]);
  });

  it("keeps the audit log for its own retention (a year by default), then deletes it", async () => {
    const entry = (at: Date, action: string) =>
      db().prisma.auditEntry.create({ data: { at, actorKind: "system", actorName: "Hookline", action, targetType: "webhook" } });
    await entry(daysAgo(400), "webhook.created");
    await entry(daysAgo(300), "webhook.updated");
    await entry(daysAgo(40), "webhook.deleted");
    await pruneHistory(db().prisma, 30, NOW);
    expect((await db().prisma.auditEntry.findMany({ orderBy: { at: "asc" } })).map((e) => e.action)).toEqual(["webhook.updated", "webhook.deleted"]);
    await pruneHistory(db().prisma, 30, NOW, 100);
    expect((await db().prisma.auditEntry.findMany()).map((e) => e.action)).toEqual(["webhook.deleted"]);
  });

  it("works through more than one batch", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/h");
    const old = await event(daysAgo(60));
    await db().prisma.delivery.createMany({
      data: Array.from({ length: 1_234 }, () => ({ webhookId: hook.id, eventId: old.id, status: "succeeded" as const, createdAt: daysAgo(60) })),
    });
    await db().prisma.delivery.create({ data: { webhookId: hook.id, eventId: old.id, status: "pending", createdAt: daysAgo(60) } });
    expect(await pruneHistory(db().prisma, 30, NOW)).toBe(1_234);
    expect(await db().prisma.delivery.count()).toBe(1);
    expect(await db().prisma.event.count()).toBe(1);
  });

  it("counts days back from the given now", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/h");
    const e = await event(daysAgo(8));
    await db().prisma.delivery.create({ data: { webhookId: hook.id, eventId: e.id, status: "succeeded", createdAt: daysAgo(8) } });
    expect(await pruneHistory(db().prisma, 10, NOW)).toBe(0);
    expect(await pruneHistory(db().prisma, 7, NOW)).toBe(1);
    expect(await db().prisma.event.count()).toBe(0);
  });

  it("drops expired OAuth codes and grants dead for a day (revoked, or both tokens expired); keeps the usable ones, and what recognises a replay", async () => {
    const app = await db().prisma.oAuthApp.create({ data: { clientId: "hlc_p", name: "P", secretHash: "h", redirectUris: [], scopes: [] } });
    const user = await db().prisma.user.create({ data: { email: "p@example.com", passwordHash: "x" } });
    const code = (expiresAt: Date, codeHash: string, usedAt?: Date) =>
      db().prisma.oAuthCode.create({
        data: {
          codeHash,
          appId: app.id,
          userId: user.id,
          redirectUri: "https://a.example/cb",
          scopes: [],
          codeChallenge: "c",
          codeChallengeMethod: "S256",
          expiresAt,
          usedAt,
        },
      });
    await code(new Date(NOW.getTime() - 1000), "old");
    const fresh = await code(new Date(NOW.getTime() + 60_000), "new");
    // An exchanged code is kept a day past its expiry, so exchanging it again still ends its grant.
    const justExchanged = await code(new Date(NOW.getTime() - 1000), "used-now", new Date(NOW.getTime() - 60_000));
    await code(daysAgo(2), "used-long-ago", daysAgo(2));
    const token = (hash: string, fields: { revokedAt?: Date; rotatedAt?: Date; accessTokenExpiresAt: Date; refreshTokenExpiresAt?: Date }) =>
      db().prisma.oAuthToken.create({ data: { appId: app.id, accessTokenHash: hash, scopes: [], grantType: "client_credentials", ...fields } });
    await token("revoked-long-ago", { revokedAt: daysAgo(2), accessTokenExpiresAt: daysAgo(-1) });
    const justRevoked = await token("revoked-now", { revokedAt: NOW, accessTokenExpiresAt: daysAgo(-1) });
    await token("expired", { accessTokenExpiresAt: daysAgo(2) });
    const refreshable = await token("refreshable", { accessTokenExpiresAt: daysAgo(2), refreshTokenExpiresAt: daysAgo(-5) });
    const live = await token("live", { accessTokenExpiresAt: daysAgo(-1) });
    // A rotated refresh token stays until it would have expired: presenting it again ends its grant.
    const rotated = await token("rotated", {
      revokedAt: daysAgo(5),
      rotatedAt: daysAgo(5),
      accessTokenExpiresAt: daysAgo(4),
      refreshTokenExpiresAt: daysAgo(-25),
    });
    await token("rotated-expired", { revokedAt: daysAgo(40), rotatedAt: daysAgo(40), accessTokenExpiresAt: daysAgo(39), refreshTokenExpiresAt: daysAgo(10) });
    await pruneDeadOAuthGrants(db().prisma, NOW);
    expect((await db().prisma.oAuthCode.findMany()).map((c) => c.id).sort()).toEqual([fresh.id, justExchanged.id].sort());
    expect((await db().prisma.oAuthToken.findMany()).map((t) => t.id).sort()).toEqual([justRevoked.id, refreshable.id, live.id, rotated.id].sort());
  });
});
