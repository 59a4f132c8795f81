import "server-only";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { envelope } from "../../delivery/build-request";
import { DomainError } from "../../errors/domain-error";
import type { TEventDetail } from "../../validation/event";
import { LAST_ATTEMPT, toDeliveryDto } from "../deliveries/to-delivery-dto";

/** An event as a unit: what was published, and every delivery it made, to which webhook, with what outcome. */
export async function getEvent(ctx: TWorkspaceContext, id: string): Promise<TEventDetail> {
  const row = await ctx.db.event.findUnique({
    where: { id },
    include: {
      deliveries: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: {
          webhook: { select: { url: true, description: true, enabled: true } },
          attempts: LAST_ATTEMPT,
        },
      },
    },
  });
  if (!row) throw DomainError.notFound("Event");
  return {
    id: row.id,
    event: row.type,
    projectId: row.projectId,
    timestamp: row.occurredAt.toISOString(),
    body: envelope(row),
    deliveries: row.deliveries.map((d) => ({
      ...toDeliveryDto({ ...d, event: row }),
      webhookUrl: d.webhook.url,
      webhookDescription: d.webhook.description,
    })),
  };
}
