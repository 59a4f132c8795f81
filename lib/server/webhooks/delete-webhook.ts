import "server-only";
import { getDb } from "../../db";
import { DomainError } from "../../errors/domain-error";

export async function deleteWebhook(id: string): Promise<void> {
  const { count } = await (await getDb()).webhook.deleteMany({ where: { id } });
  if (count === 0) throw DomainError.notFound("Webhook");
}
