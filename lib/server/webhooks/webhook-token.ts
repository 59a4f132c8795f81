import "server-only";
import { generateWebhookToken } from "../../crypto/tokens";
import { auditedChange, recordAudit } from "../../db/audited-change";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { openSecret, sealSecret } from "../../delivery/webhook-secrets";
import { ROTATION_OVERLAPS, ZRotateToken } from "../../validation/webhook";
import { findWebhookRow } from "./get-webhook";
import { webhookTarget } from "./webhook-audit";

export async function revealWebhookToken(ctx: TWorkspaceContext, id: string): Promise<{ token: string }> {
  const row = await findWebhookRow(ctx, id);
  // Reading a secret is recorded like a change: who saw it, and when.
  await recordAudit(ctx, { action: "webhook.token_revealed", target: webhookTarget(row) });
  return { token: openSecret(row.tokenCiphertext) };
}

/**
 * New token now; the old one keeps signing (as a second signature) for the chosen overlap (24 h by
 * default) so receivers can switch without missing a delivery. "now" drops it at once: for a leaked token.
 */
export async function rotateWebhookToken(
  ctx: TWorkspaceContext,
  id: string,
  input: unknown = {},
  now = new Date(),
): Promise<{ token: string; previousTokenExpiresAt: string | null }> {
  const { token: chosen, overlap } = ZRotateToken.parse(input ?? {});
  const row = await findWebhookRow(ctx, id);
  const token = chosen ?? generateWebhookToken();
  const overlapMs = ROTATION_OVERLAPS[overlap];
  const expires = overlapMs > 0 ? new Date(now.getTime() + overlapMs) : null;
  await auditedChange(
    ctx,
    (tx) =>
      tx.webhook.update({
        where: { id: row.id },
        data: { tokenCiphertext: sealSecret(token), previousTokenCiphertext: expires ? row.tokenCiphertext : null, previousTokenExpiresAt: expires },
      }),
    { action: "webhook.token_rotated", target: webhookTarget(row), changes: { token: "changed", previousTokenExpiresAt: expires?.toISOString() ?? null } },
  );
  return { token, previousTokenExpiresAt: expires?.toISOString() ?? null };
}
