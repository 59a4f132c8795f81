import "server-only";
import { ApiError } from "../../api/api-error";
import { getDb } from "../../db";

export async function deleteWebhook(id: string): Promise<void> {
  const { count } = await (await getDb()).webhook.deleteMany({ where: { id } });
  if (count === 0) throw ApiError.notFound("Webhook");
}
