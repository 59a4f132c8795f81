import "server-only";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { deliveryConfig } from "../../delivery/config";
import { DomainError } from "../../errors/domain-error";
import { recentStats } from "./recent-stats";
import { toWebhookDto } from "./to-webhook-dto";

export async function findWebhookRow(ctx: TWorkspaceContext, id: string) {
  const row = await ctx.db.webhook.findUnique({ where: { id } });
  if (!row) throw DomainError.notFound("Webhook");
  return row;
}

export async function getWebhook(ctx: TWorkspaceContext, id: string) {
  const row = await findWebhookRow(ctx, id);
  return { ...toWebhookDto(row, deliveryConfig().failureLimit), last24h: (await recentStats(ctx, [row.id])).get(row.id) ?? null };
}
