import "server-only";
import type { PrismaClient } from "../../db";
import { auditedChange } from "../../db/audited-change";
import { workspaceContext } from "../../db/workspace-context";
import type { Webhook } from "../../generated/prisma/client";
import { deliveryConfig } from "../config";
import { startRounds } from "../runtime/rounds";
import { notifyWorkers } from "../runtime/wakeup";
import { describeTestFailure, savedPingTarget, sendTestPing } from "../send-test-ping";
import { nextProbeAt } from "./probe-schedule";

// Automatic recovery (opt-in per webhook, `autoRecover`): a webhook Hookline disabled gets a signed
// `ping`, as the Test button sends, on the schedule of ./probe-schedule.ts. When one passes it is
// enabled again (its parked deliveries go out at once), the audit log says Hookline did it and why,
// and its admins are told (a webhook.recovered notice: event and email). An admin's disable, turning
// recovery off, or an enable clears the next probe, which stops them. Any worker probes; a claim
// (SKIP LOCKED, the next probe pushed CLAIM_MS on) keeps two from probing one webhook at once.

const BATCH = 10;
/** A claimed probe's hold: longer than a test can take; a worker that dies mid-probe leaves it to another then. */
const CLAIM_MS = 120_000;

const RECOVERY = { kind: "system", reason: "recovery probe" } as const;

async function claimDue(db: PrismaClient, now: Date): Promise<Webhook[]> {
  return db.$queryRaw<Webhook[]>`
    update "Webhook" w set "nextProbeAt" = ${new Date(now.getTime() + CLAIM_MS)}
    where w.id in (
      select id from "Webhook"
      where "nextProbeAt" <= ${now} and not enabled and "autoRecover"
      order by "nextProbeAt" limit ${BATCH}
      for update skip locked)
    returning w.*`;
}

async function probe(db: PrismaClient, webhook: Webhook, now: Date, log: (m: string) => void): Promise<void> {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: webhook.workspaceId }, select: { id: true, slug: true, name: true } });
  const ctx = workspaceContext(db, workspace, RECOVERY);
  const { allow, timeoutMs } = deliveryConfig();
  const result = await sendTestPing(savedPingTarget(webhook), { allow, timeoutMs });
  const probes = webhook.recoveryProbes + 1;
  // Still ours only while still disabled with a probe planned: an admin may have acted meanwhile.
  const stillProbing = { id: webhook.id, enabled: false, nextProbeAt: { not: null } };
  if (!result.ok) {
    const next = nextProbeAt(now, probes);
    await db.webhook.updateMany({
      where: stillProbing,
      data: { recoveryProbes: probes, lastProbeAt: now, lastProbeResult: describeTestFailure(result), nextProbeAt: next },
    });
    if (!next) log(`webhook ${webhook.id}: recovery given up after ${probes} probes`);
    return;
  }
  const recovered = await auditedChange(
    ctx,
    async (tx) => {
      const { count } = await tx.webhook.updateMany({
        where: stillProbing,
        data: {
          enabled: true,
          consecutiveFailures: 0,
          disabledReason: null,
          disabledAt: null,
          nextProbeAt: null,
          recoveryProbes: probes,
          lastProbeAt: now,
          lastProbeResult: "passed",
        },
      });
      if (count > 0)
        await tx.notice.create({
          data: {
            workspaceId: webhook.workspaceId,
            webhookId: webhook.id,
            kind: "webhook.recovered",
            details: { reason: webhook.disabledReason, probes },
            createdAt: now,
          },
        });
      return count > 0;
    },
    (isRecovered) =>
      isRecovered
        ? {
            action: "webhook.enabled",
            target: { type: "webhook", id: webhook.id, name: webhook.url },
            changes: { enabled: { from: false, to: true }, reason: `a recovery probe passed (HTTP ${result.status}) after ${probes} probes` },
          }
        : null,
  );
  // Its parked deliveries are due now.
  if (recovered) await notifyWorkers(db);
}

/** Probes every webhook whose probe is due; resolves with how many were probed. */
export async function probeWebhooks(db: PrismaClient, { now = new Date(), log = () => {} }: { now?: Date; log?: (m: string) => void } = {}): Promise<number> {
  const due = await claimDue(db, now);
  for (const webhook of due) {
    try {
      await probe(db, webhook, now, log);
    } catch (error) {
      // Its claim lapses and another round tries again.
      log(`recovery probe of webhook ${webhook.id} failed: ${(error as Error).message}`);
    }
  }
  return due.length;
}

/** How often a worker looks for due probes (the schedule's shortest wait is a minute). */
export const PROBE_POLL_MS = 5_000;

/** Probes due webhooks every PROBE_POLL_MS until stopped; part of every delivery runtime. */
export function startProber({ db, log, intervalMs = PROBE_POLL_MS }: { db: PrismaClient; log: (m: string) => void; intervalMs?: number }) {
  return startRounds("recovery probes", () => probeWebhooks(db, { log }), intervalMs, log);
}
