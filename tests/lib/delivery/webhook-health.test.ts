import { describe, expect, it } from "vitest";
import { AUTO_DISABLE_REASON, GONE_REASON, healthUpdateSql, STATUS_WHERE } from "@/lib/delivery/webhook-health";
import { Prisma } from "@/lib/generated/prisma/client";
import { WEBHOOK_STATUSES } from "@/lib/validation/webhook";
import { webhookStatus } from "@/lib/validation/webhook-status";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";
import { enabledWebhook } from "../../helpers/delivery";

type TOutcome = { webhookId: string; ok: boolean; at: number; status?: number };
const T0 = Date.parse("2026-11-30T10:00:00Z");

describe.each(TEST_DATABASES)("webhook health on $name", (backend) => {
  const database = freshDatabasePerTest(backend);

  /** Runs the health fragment over hand-made outcomes, as the recorder's statement does. */
  async function apply(outcomes: TOutcome[], limit: number) {
    const rows = outcomes.map((o) => ({
      webhook_id: o.webhookId,
      ok: o.ok,
      finished_at: new Date(T0 + o.at).toISOString(),
      status_code: o.status ?? (o.ok ? 200 : 500),
      error_class: o.ok ? null : "http_status",
    }));
    await database().prisma.$queryRaw(Prisma.sql`
      with outcomes as (
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as o(webhook_id uuid, ok boolean, finished_at timestamp, status_code int, error_class text)
      ),
      ${healthUpdateSql(limit)}
      select (select count(*)::int from webhooks) + (select count(*)::int from disabled_audit) as n`);
    return (id: string) => database().prisma.webhook.findUniqueOrThrow({ where: { id } });
  }

  it("failures add up, a success resets the count to the failures after it", async () => {
    const a = await enabledWebhook("http://127.0.0.1:9/a");
    const read = await apply(
      [
        { webhookId: a.id, ok: false, at: 1 },
        { webhookId: a.id, ok: false, at: 2 },
      ],
      10,
    );
    expect(await read(a.id)).toMatchObject({ consecutiveFailures: 2, enabled: true });
    await apply(
      [
        { webhookId: a.id, ok: false, at: 5 },
        { webhookId: a.id, ok: true, at: 3 },
        { webhookId: a.id, ok: false, at: 4 },
      ],
      10,
    );
    // In finishing order: the success at 3, then failures at 4 and 5: two after the success.
    const row = await read(a.id);
    expect(row.consecutiveFailures).toBe(2);
    expect(row.lastSuccessAt?.getTime()).toBe(T0 + 3);
    expect(row.lastFailureAt?.getTime()).toBe(T0 + 5);
    expect(row.lastDeliveryAt?.getTime()).toBe(T0 + 5);
  });

  it("at the limit the webhook is disabled with the reason; 410 disables at once with its own", async () => {
    const a = await enabledWebhook("http://127.0.0.1:9/limit");
    const gone = await enabledWebhook("http://127.0.0.1:9/gone");
    const read = await apply([...[1, 2, 3].map((at) => ({ webhookId: a.id, ok: false, at })), { webhookId: gone.id, ok: false, at: 1, status: 410 }], 3);
    expect(await read(a.id)).toMatchObject({ enabled: false, consecutiveFailures: 3, disabledReason: AUTO_DISABLE_REASON(3) });
    expect((await read(a.id)).disabledAt?.getTime()).toBe(T0 + 3);
    expect(await read(gone.id)).toMatchObject({ enabled: false, disabledReason: GONE_REASON });
    // Hookline's own audit entry for each, with why, written with the disable; one per webhook.
    const entries = await database().prisma.auditEntry.findMany({ where: { action: "webhook.disabled" }, orderBy: { targetName: "asc" } });
    expect(entries.map((e) => [e.targetName, e.action, e.actorKind, e.actorName, (e.changes as { reason: string }).reason])).toEqual([
      ["http://127.0.0.1:9/gone", "webhook.disabled", "system", "Hookline (the receiver answered 410 Gone)", GONE_REASON],
      ["http://127.0.0.1:9/limit", "webhook.disabled", "system", "Hookline (failure limit)", AUTO_DISABLE_REASON(3)],
    ]);
  });

  it("a webhook already disabled keeps its reason; a success before the failures does not disable", async () => {
    const off = await enabledWebhook("http://127.0.0.1:9/off");
    await database().prisma.webhook.update({ where: { id: off.id }, data: { enabled: false, disabledReason: null } });
    const ok = await enabledWebhook("http://127.0.0.1:9/ok", { events: ["page.created"] });
    const read = await apply(
      [...[1, 2, 3].map((at) => ({ webhookId: off.id, ok: false, at })), { webhookId: ok.id, ok: false, at: 1 }, { webhookId: ok.id, ok: true, at: 2 }],
      3,
    );
    expect(await read(off.id)).toMatchObject({ enabled: false, disabledReason: null, consecutiveFailures: 3 });
    expect(await read(ok.id)).toMatchObject({ enabled: true, consecutiveFailures: 0 });
    // Nothing was disabled here, so nothing is recorded.
    expect(await database().prisma.auditEntry.count({ where: { action: "webhook.disabled" } })).toBe(0);
  });

  it("STATUS_WHERE selects exactly the rows webhookStatus names", async () => {
    const states = [
      { enabled: false, consecutiveFailures: 0 },
      { enabled: false, consecutiveFailures: 4 },
      { enabled: true, consecutiveFailures: 0 },
      { enabled: true, consecutiveFailures: 2 },
    ];
    for (const [i, state] of states.entries()) {
      const hook = await enabledWebhook(`http://127.0.0.1:9/s${i}`);
      await database().prisma.webhook.update({ where: { id: hook.id }, data: state });
    }
    for (const status of WEBHOOK_STATUSES) {
      const rows = await database().prisma.webhook.findMany({ where: STATUS_WHERE[status] });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => webhookStatus(r) === status)).toBe(true);
    }
    const all = await database().prisma.webhook.count();
    const counted = await Promise.all(WEBHOOK_STATUSES.map((s) => database().prisma.webhook.count({ where: STATUS_WHERE[s] })));
    expect(counted.reduce((a, b) => a + b, 0)).toBe(all);
  });
});
