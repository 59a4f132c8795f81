import { describe, expect, it } from "vitest";
import { claimDeliveries } from "@/lib/delivery/claim-deliveries";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";

// lib/delivery/claim-deliveries.ts, across workspaces: fair between workspaces first, then between a
// workspace's webhooks, and each workspace's own limits held across workers.

const LEASE_MS = 60_000;

describe.each(TEST_DATABASES)("claimDeliveries across workspaces on $name", (backend) => {
  const database = freshDatabasePerTest(backend);

  async function workspace(slug: string, limits: { maxInFlight?: number; rateLimitPerSecond?: number } = {}) {
    return database().prisma.workspace.create({ data: { slug, name: slug, ...limits } });
  }

  /** An enabled webhook of `workspaceId` with `n` due deliveries, due from `dueAt` on (1 ms apart). */
  async function backlog(workspaceId: string, n: number, dueAt: Date) {
    const db = database().prisma;
    const hook = await db.webhook.create({ data: { workspaceId, url: "http://127.0.0.1:9/x", tokenCiphertext: "x", enabled: true, maxInFlight: 1000 } });
    const { id: eventId } = await db.event.create({ data: { workspaceId, type: "deals.created", payload: {} } });
    await db.delivery.createMany({
      data: Array.from({ length: n }, (_, i) => ({ workspaceId, webhookId: hook.id, eventId, nextAttemptAt: new Date(dueAt.getTime() + i) })),
    });
    return hook.id;
  }

  it("a workspace with many webhooks and a backlog does not crowd out another workspace's one webhook", async () => {
    const quiet = await workspace("quiet");
    const old = new Date(Date.now() - 600_000);
    // Ten busy webhooks in Default, every delivery older than the quiet workspace's.
    for (let i = 0; i < 10; i++) await backlog(DEFAULT_WORKSPACE_ID, 50, new Date(old.getTime() + i * 10));
    const quietHook = await backlog(quiet.id, 5, new Date(Date.now() - 1_000));

    const claimed = await claimDeliveries(database().prisma, "w1", 4, new Date(), LEASE_MS);
    expect(claimed).toHaveLength(4);
    // Turns go round workspaces first: two each, though Default's ten webhooks all wait longer.
    expect(claimed.filter((c) => c.webhookId === quietHook)).toHaveLength(2);
    // Within Default, round its webhooks: two different ones, not two of one.
    expect(new Set(claimed.filter((c) => c.webhookId !== quietHook).map((c) => c.webhookId)).size).toBe(2);
  });

  it("holds a workspace's maxInFlight across its webhooks and every claim, and leaves the others their room", async () => {
    const capped = await workspace("capped", { maxInFlight: 3 });
    const due = new Date(Date.now() - 60_000);
    const hooks = [await backlog(capped.id, 20, due), await backlog(capped.id, 20, due)];
    const other = await backlog(DEFAULT_WORKSPACE_ID, 20, due);
    const rounds = await Promise.all(Array.from({ length: 6 }, (_, i) => claimDeliveries(database().prisma, `w${i}`, 10, new Date(), LEASE_MS)));
    const all = rounds.flat();
    expect(all.filter((c) => hooks.includes(c.webhookId))).toHaveLength(3);
    expect(all.filter((c) => c.webhookId === other).length).toBeGreaterThan(3);
  });

  it("holds a workspace's rateLimitPerSecond: claims started in the last second count", async () => {
    const limited = await workspace("limited", { rateLimitPerSecond: 2 });
    await backlog(limited.id, 10, new Date(Date.now() - 60_000));
    const now = new Date();
    expect(await claimDeliveries(database().prisma, "w1", 10, now, LEASE_MS)).toHaveLength(2);
    expect(await claimDeliveries(database().prisma, "w2", 10, new Date(now.getTime() + 500), LEASE_MS)).toHaveLength(0);
    expect(await claimDeliveries(database().prisma, "w3", 10, new Date(now.getTime() + 1_100), LEASE_MS)).toHaveLength(2);
  });
});
