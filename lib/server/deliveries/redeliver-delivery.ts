import "server-only";
import { recordAudit } from "../../db/audited-change";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { deliveryConfig } from "../../delivery/config";
import { redeliverNow } from "../../delivery/redeliver-now";
import { DomainError } from "../../errors/domain-error";
import { getDelivery } from "./get-delivery";

/** Sends a delivery again now (lib/delivery/redeliver-now.ts); one in flight right now is a conflict. */
export async function redeliverDelivery(ctx: TWorkspaceContext, id: string) {
  // Only a delivery of this workspace may be sent: the worker's claim below is the installation's.
  const exists = await ctx.db.delivery.findUnique({ where: { id }, select: { id: true } });
  if (!exists) throw DomainError.notFound("Delivery");
  const isSent = await redeliverNow(ctx.prisma, id, deliveryConfig());
  // After the attempt, which is recorded (fenced) by the worker's recorder: the entry says it was made.
  if (isSent) await recordAudit(ctx, { action: "delivery.redelivered", target: { type: "delivery", id, name: null } });
  if (!isSent) {
    const stillExists = await ctx.db.delivery.findUnique({ where: { id }, select: { id: true } });
    throw stillExists
      ? new DomainError("conflict", "in_flight", "A worker is sending this delivery right now; try again in a moment")
      : DomainError.notFound("Delivery");
  }
  return getDelivery(ctx, id);
}
