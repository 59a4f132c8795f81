import "server-only";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { envelope } from "../../delivery/build-request";
import { waitingFor } from "../../delivery/ordering";
import { DomainError } from "../../errors/domain-error";
import type { TDeliveryDetail } from "../../validation/delivery";
import { toAttemptDto, toDeliveryDto } from "./to-delivery-dto";

/** A delivery with every attempt and the exact body that was signed. */
export async function getDelivery(ctx: TWorkspaceContext, id: string): Promise<TDeliveryDetail> {
  const row = await ctx.db.delivery.findUnique({
    where: { id },
    include: { event: true, attempts: { orderBy: { number: "asc" } }, webhook: { select: { url: true, enabled: true } } },
  });
  if (!row) throw DomainError.notFound("Delivery");
  return {
    ...toDeliveryDto(row),
    requestBody: envelope(row.event),
    webhookUrl: row.webhook.url,
    attempts: row.attempts.map(toAttemptDto),
    waitingFor: await waitingFor(ctx.prisma, row),
    schemaErrors: Array.isArray(row.event.schemaErrors) ? row.event.schemaErrors.map(String) : null,
  };
}
