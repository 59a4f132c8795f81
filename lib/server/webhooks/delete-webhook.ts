import "server-only";
import { auditedChange } from "../../db/audited-change";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { DomainError } from "../../errors/domain-error";
import { findWebhookRow } from "./get-webhook";
import { webhookTarget } from "./webhook-audit";

export async function deleteWebhook(ctx: TWorkspaceContext, id: string): Promise<void> {
  const row = await findWebhookRow(ctx, id);
  await auditedChange(
    ctx,
    async (tx) => {
      const { count } = await tx.webhook.deleteMany({ where: { id: row.id } });
      if (count === 0) throw DomainError.notFound("Webhook");
    },
    { action: "webhook.deleted", target: webhookTarget(row) },
  );
}
