import "server-only";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../db";
import { attemptDelivery } from "./attempt-delivery";
import { claimDelivery } from "./claim-deliveries";
import type { TDeliveryConfig } from "./config";
import { AttemptRecorder } from "./record-attempts";

/**
 * Sends one delivery again now, through the worker's own path: same Delivery id, one more attempt
 * (trigger "manual"), leased like a worker's claim so it never runs beside a worker's attempt, and
 * sent at once whatever the webhook's delivery limits (an admin asked for it). False when there is
 * nothing to send: a live lease holds the delivery (someone is sending it now) or it does not exist.
 */
export async function redeliverNow(db: PrismaClient, id: string, config: TDeliveryConfig): Promise<boolean> {
  const owner = `manual:${randomUUID()}`;
  const claimed = await claimDelivery(db, owner, id, new Date(), config.leaseMs);
  if (!claimed) return false;
  await attemptDelivery({ recorder: new AttemptRecorder(db, config.failureLimit), owner, config, now: () => new Date() }, claimed, "manual");
  return true;
}
