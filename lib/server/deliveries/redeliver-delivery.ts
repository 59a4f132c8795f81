import "server-only";
import { getDb } from "../../db";
import { deliveryConfig } from "../../delivery/config";
import { redeliverNow } from "../../delivery/redeliver-now";
import { DomainError } from "../../errors/domain-error";
import { getDelivery } from "./get-delivery";

/** Sends a delivery again now (lib/delivery/redeliver-now.ts); one in flight right now is a conflict. */
export async function redeliverDelivery(id: string) {
  const db = await getDb();
  if (!(await redeliverNow(db, id, deliveryConfig()))) {
    const exists = await db.delivery.findUnique({ where: { id }, select: { id: true } });
    throw exists
      ? new DomainError("conflict", "in_flight", "A worker is sending this delivery right now; try again in a moment")
      : DomainError.notFound("Delivery");
  }
  return getDelivery(id);
}
