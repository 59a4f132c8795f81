import "server-only";
import { randomUUID } from "node:crypto";
import { ApiError } from "../../api/api-error";
import { getDb } from "../../db";
import { claimDelivery } from "../../delivery/claim-deliveries";
import { deliveryConfig } from "../../delivery/config";
import { AttemptRecorder } from "../../delivery/record-attempts";
import { sendDelivery } from "../../delivery/send-delivery";
import { getDelivery } from "./get-delivery";

/**
 * Sends a delivery again now, through the worker's own path: same Delivery id, one more attempt
 * (trigger "manual"). It takes the delivery with a lease like a worker does, so it never runs
 * alongside a worker's attempt; a delivery in flight right now is a 409.
 */
export async function redeliverDelivery(id: string) {
  const db = await getDb();
  const config = deliveryConfig();
  const owner = `manual:${randomUUID()}`;
  const claimed = await claimDelivery(db, owner, id, new Date(), config.leaseMs);
  if (!claimed) {
    const exists = await db.delivery.findUnique({ where: { id }, select: { id: true } });
    throw exists ? new ApiError(409, "in_flight", "A worker is sending this delivery right now; try again in a moment") : ApiError.notFound("Delivery");
  }
  await sendDelivery({ recorder: new AttemptRecorder(db, config.failureLimit), owner, config, now: () => new Date() }, claimed, "manual");
  return getDelivery(id);
}
