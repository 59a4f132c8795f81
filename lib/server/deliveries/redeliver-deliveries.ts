import "server-only";
import { recordAudit } from "../../db/audited-change";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { deliveryConfig } from "../../delivery/config";
import { redeliverNow } from "../../delivery/redeliver-now";
import type { TRedeliverManyResult } from "../../validation/delivery";
import { DELIVERY_ROW_INCLUDE, toDeliveryDto } from "./to-delivery-dto";

/** Attempts at once: enough for a page of the log in a few receivers' round trips, not a flood. */
export const REDELIVER_PARALLEL = 8;

/**
 * Sends each selected delivery again now, each its own attempt (trigger manual), as the single
 * redeliver does (lib/delivery/redeliver-now.ts), up to REDELIVER_PARALLEL at a time; answers when
 * every attempt is recorded. An id that is not this workspace's is not_found; one a worker is
 * sending right now is in_flight (nothing sent). Ids given twice are sent once.
 */
export async function redeliverDeliveries(ctx: TWorkspaceContext, ids: string[]): Promise<TRedeliverManyResult> {
  const wanted = [...new Set(ids)];
  // Only this workspace's deliveries may be sent: the worker's claim below is the installation's.
  const own = new Set((await ctx.db.delivery.findMany({ where: { id: { in: wanted } }, select: { id: true } })).map((d) => d.id));
  const config = deliveryConfig();
  const outcomes = new Map<string, "sent" | "in_flight" | "not_found">();
  const queue = wanted.filter((id) => own.has(id));
  for (const id of wanted) if (!own.has(id)) outcomes.set(id, "not_found");
  await Promise.all(
    Array.from({ length: Math.min(REDELIVER_PARALLEL, queue.length) }, async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) outcomes.set(id, (await redeliverNow(ctx.prisma, id, config)) ? "sent" : "in_flight");
    }),
  );
  const sent = wanted.filter((id) => outcomes.get(id) === "sent");
  // One entry for the selection, after the attempts (each recorded by the worker's recorder).
  if (sent.length > 0)
    await recordAudit(ctx, {
      action: "delivery.redelivered",
      target: { type: "delivery", id: sent.length === 1 ? (sent[0] ?? null) : null, name: null },
      changes: { deliveries: sent },
    });
  const rows = await ctx.db.delivery.findMany({ where: { id: { in: [...own] } }, include: DELIVERY_ROW_INCLUDE });
  const byId = new Map(rows.map((r) => [r.id, toDeliveryDto(r)]));
  return { data: wanted.map((id) => ({ id, outcome: byId.has(id) ? (outcomes.get(id) ?? "not_found") : "not_found", delivery: byId.get(id) ?? null })) };
}
