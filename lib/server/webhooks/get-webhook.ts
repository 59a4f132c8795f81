import "server-only";
import { ApiError } from "../../api/api-error";
import { getDb } from "../../db";
import { deliveryConfig } from "../../delivery/config";
import { toWebhookDto } from "./to-webhook-dto";

export async function findWebhookRow(id: string) {
  const row = await (await getDb()).webhook.findUnique({ where: { id } });
  if (!row) throw ApiError.notFound("Webhook");
  return row;
}

export async function getWebhook(id: string) {
  return toWebhookDto(await findWebhookRow(id), deliveryConfig().failureLimit);
}
