import "server-only";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { DomainError } from "../../errors/domain-error";

export async function deleteWebhook(ctx: TWorkspaceContext, id: string): Promise<void> {
  const { count } = await ctx.db.webhook.deleteMany({ where: { id } });
  if (count === 0) throw DomainError.notFound("Webhook");
}
