import "server-only";
import { getDb } from "../../db";
import { deliveryConfig } from "../../delivery/config";
import { DomainError } from "../../errors/domain-error";
import { recentStats } from "./recent-stats";
import { toWebhookDto } from "./to-webhook-dto";

export async function findWebhookRow(id: string) {
  const row = await (await getDb()).webhook.findUnique({ where: { id } });
  if (!row) throw DomainError.notFound("Webhook");
  return row;
}

export async function getWebhook(id: string) {
  const row = await findWebhookRow(id);
  return { ...toWebhookDto(row, deliveryConfig().failureLimit), last24h: (await recentStats([row.id])).get(row.id) ?? null };
}
