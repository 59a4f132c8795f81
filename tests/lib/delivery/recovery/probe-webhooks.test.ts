import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { claimDeliveries, type TClaimed } from "@/lib/delivery/claim-deliveries";
import { publishEvent } from "@/lib/delivery/publish-event";
import { recordAttempts } from "@/lib/delivery/record-attempts";
import { probeWebhooks } from "@/lib/delivery/recovery/probe-webhooks";
import type { TSendResult } from "@/lib/delivery/send-request";
import { disableWebhook } from "@/lib/server/webhooks/set-webhook-enabled";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { enabledWebhook } from "../../../helpers/delivery";
import { startReceiver } from "../../../helpers/receiver";

const T0 = new Date("2026-12-07T12:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;
const gone: TSendResult = {
  ok: false,
  statusCode: 410,
  durationMs: 2,
  errorClass: "http_status",
  errorMessage: "HTTP 410",
  responseHeaders: {},
  responseBody: "",
  isBodyTruncated: false,
};

describe.each(TEST_DATABASES)("automatic recovery on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let status = 503;
  beforeEach(async () => {
    status = 503;
    receiver = await startReceiver((_q, res) => {
      res.statusCode = status;
      res.end();
    });
  });
  afterEach(() => receiver.close());

  /** A webhook Hookline disabled at T0 (a 410), with a delivery parked behind it. */
  async function disabledByHookline(autoRecover: boolean) {
    const hook = await enabledWebhook(`${receiver.url}/h`, { autoRecover });
    await publishEvent(ctx(), { event: "deals.created", data: { n: 1 } }, { now: at(-1_000) });
    await publishEvent(ctx(), { event: "deals.created", data: { n: 2 } }, { now: at(-1_000) });
    const [first] = (await claimDeliveries(db().prisma, "w1", 1, at(-500), 60_000)) as [TClaimed];
    await recordAttempts(
      db().prisma,
      [{ claimed: first, owner: "w1", startedAt: T0, finishedAt: T0, requestHeaders: {}, result: gone, outcome: { kind: "failed" } }],
      10,
    );
    return hook;
  }
  const row = (id: string) => db().prisma.webhook.findUniqueOrThrow({ where: { id } });

  it("probes on the schedule while the receiver fails, and enables it again when a probe passes: audited, told, its parked delivery free to go", async () => {
    const hook = await disabledByHookline(true);
    expect(await row(hook.id)).toMatchObject({ enabled: false, nextProbeAt: at(MIN), recoveryProbes: 0 });
    expect(await probeWebhooks(db().prisma, { now: at(30_000) })).toBe(0); // not yet
    expect(await probeWebhooks(db().prisma, { now: at(MIN) })).toBe(1);
    expect(receiver.received).toHaveLength(1);
    expect(JSON.parse(receiver.received[0]?.body ?? "{}")).toMatchObject({ event: "ping" });
    expect(await row(hook.id)).toMatchObject({
      enabled: false,
      recoveryProbes: 1,
      lastProbeAt: at(MIN),
      lastProbeResult: "the URL answered HTTP 503",
      nextProbeAt: at(6 * MIN),
    });
    status = 200;
    expect(await probeWebhooks(db().prisma, { now: at(6 * MIN) })).toBe(1);
    expect(await row(hook.id)).toMatchObject({
      enabled: true,
      consecutiveFailures: 0,
      disabledReason: null,
      nextProbeAt: null,
      recoveryProbes: 2,
      lastProbeResult: "passed",
    });
    expect(await db().prisma.auditEntry.findFirstOrThrow({ where: { action: "webhook.enabled", targetId: hook.id } })).toMatchObject({
      actorKind: "system",
      actorName: "Hookline (recovery probe)",
    });
    expect(await db().prisma.notice.findFirstOrThrow({ where: { kind: "webhook.recovered" } })).toMatchObject({ webhookId: hook.id });
    // The second event's delivery waited, parked; with the webhook enabled it is due.
    expect(await db().prisma.delivery.count({ where: { webhookId: hook.id, status: "pending" } })).toBe(1);
  });

  it("an admin's disable stops the probes; so does turning recovery off; without it none are planned", async () => {
    const hook = await disabledByHookline(true);
    await disableWebhook(ctx(), hook.id);
    expect(await row(hook.id)).toMatchObject({ enabled: false, nextProbeAt: null });
    expect(await probeWebhooks(db().prisma, { now: at(10 * MIN) })).toBe(0);
    expect(await db().prisma.auditEntry.findFirstOrThrow({ where: { action: "webhook.disabled", targetId: hook.id, actorKind: "system" } })).toBeTruthy();
    expect(receiver.received).toEqual([]);
  });

  it("without automatic recovery, Hookline's disable plans no probe", async () => {
    const hook = await disabledByHookline(false);
    expect(await row(hook.id)).toMatchObject({ enabled: false, nextProbeAt: null });
    expect(await probeWebhooks(db().prisma, { now: at(10 * MIN) })).toBe(0);
  });

  it("gives up after the last probe of the schedule, and stays disabled for an admin", async () => {
    const hook = await disabledByHookline(true);
    await db().prisma.webhook.update({ where: { id: hook.id }, data: { recoveryProbes: 15 } });
    expect(await probeWebhooks(db().prisma, { now: at(MIN) })).toBe(1);
    expect(await row(hook.id)).toMatchObject({ enabled: false, recoveryProbes: 16, nextProbeAt: null });
  });
});
