import "server-only";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { heldBackCount } from "../../delivery/ordering";
import type { TWebhookQueue } from "../../validation/delivery";
import { findWebhookRow } from "../webhooks/get-webhook";

type Row = { queued: number; scheduled: number; in_flight: number; started_last_second: number };

/**
 * What waits for this webhook and why: due deliveries, scheduled retries, live requests and the
 * last second's starts, counted the way the claim counts them (lib/delivery/claim-deliveries.ts),
 * so "held back" here means the workers are holding it back. One pass over the webhook's
 * unfinished deliveries (index webhookId, status, nextAttemptAt), however long its history.
 */
export async function webhookQueue(ctx: TWorkspaceContext, webhookId: string, now = new Date()): Promise<TWebhookQueue> {
  // Found in this workspace first: the counts below are by webhook id alone.
  const webhook = await findWebhookRow(ctx, webhookId);
  const [row] = await ctx.db.$queryRaw<Row[]>`
    select
      (select count(*)::int from "Delivery" where "webhookId" = ${webhookId}::uuid and status = 'pending' and "nextAttemptAt" <= ${now})
        + (select count(*)::int from "Delivery" where "webhookId" = ${webhookId}::uuid and status = 'in_flight' and "leaseExpiresAt" < ${now}) as queued,
      (select count(*)::int from "Delivery" where "webhookId" = ${webhookId}::uuid and status = 'pending' and "nextAttemptAt" > ${now}) as scheduled,
      (select count(*)::int from "Delivery" where "webhookId" = ${webhookId}::uuid and status = 'in_flight' and "leaseExpiresAt" >= ${now}) as in_flight,
      (select count(*)::int from "Delivery" where "webhookId" = ${webhookId}::uuid and "claimedAt" > ${new Date(now.getTime() - 1_000)}) as started_last_second`;
  const counts = { queued: row?.queued ?? 0, scheduled: row?.scheduled ?? 0, inFlight: row?.in_flight ?? 0, startedLastSecond: row?.started_last_second ?? 0 };
  const limits = { maxInFlight: webhook.maxInFlight, rateLimitPerSecond: webhook.rateLimitPerSecond };
  const heldBackInOrder = webhook.ordered ? await heldBackCount(ctx.prisma, webhookId) : 0;
  return { ...counts, ...limits, heldBack: heldBack(counts, limits, webhook.enabled), heldBackInOrder };
}

function heldBack(
  counts: Pick<TWebhookQueue, "queued" | "inFlight" | "startedLastSecond">,
  limits: Pick<TWebhookQueue, "maxInFlight" | "rateLimitPerSecond">,
  isEnabled: boolean,
): TWebhookQueue["heldBack"] {
  if (counts.queued === 0) return null;
  if (!isEnabled) return "disabled";
  if (counts.inFlight >= limits.maxInFlight) return "in_flight_limit";
  if (limits.rateLimitPerSecond !== null && counts.startedLastSecond >= limits.rateLimitPerSecond) return "rate_limit";
  return null;
}
