import "server-only";
import { auditedChange } from "../../db/audited-change";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { notifyWorkers } from "../../delivery/runtime/wakeup";
import { ZReplay } from "../../validation/delivery";
import { findWebhookRow } from "../webhooks/get-webhook";
import { webhookTarget } from "../webhooks/webhook-audit";

/**
 * "Replay failed": re-queues the webhook's deliveries since `since` that failed for good or are
 * parked (pending while the webhook was disabled). Each gets one more attempt now; while the
 * webhook is disabled they wait, and go out when it is enabled.
 */
export async function replayWebhook(ctx: TWorkspaceContext, webhookId: string, input: unknown, now = new Date()): Promise<{ requeued: number }> {
  const { since } = ZReplay.parse(input);
  const webhook = await findWebhookRow(ctx, webhookId);
  // Pending deliveries of an enabled webhook are not stuck, only waiting for their retry: left alone.
  // A failed Send example was a test, not lost news: it is not sent again.
  const { count } = await auditedChange(
    ctx,
    (tx) =>
      tx.delivery.updateMany({
        where: {
          webhookId,
          createdAt: { gte: new Date(since) },
          status: { in: webhook.enabled ? ["failed"] : ["failed", "pending"] },
          event: { isTest: false },
        },
        data: { status: "pending", nextAttemptAt: now, completedAt: null },
      }),
    (r) => ({ action: "webhook.replayed", target: webhookTarget(webhook), changes: { since, requeued: r.count } }),
  );
  if (count > 0) await notifyWorkers(ctx.prisma);
  return { requeued: count };
}
