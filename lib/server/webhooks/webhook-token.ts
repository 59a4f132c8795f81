import "server-only";
import { generateWebhookToken } from "../../crypto/tokens";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { openSecret, sealSecret } from "../../delivery/webhook-secrets";
import { ROTATION_OVERLAPS, ZRotateToken } from "../../validation/webhook";
import { findWebhookRow } from "./get-webhook";

export async function revealWebhookToken(ctx: TWorkspaceContext, id: string): Promise<{ token: string }> {
  return { token: openSecret((await findWebhookRow(ctx, id)).tokenCiphertext) };
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
  await ctx.db.webhook.update({
    where: { id: row.id },
    data: { tokenCiphertext: sealSecret(token), previousTokenCiphertext: expires ? row.tokenCiphertext : null, previousTokenExpiresAt: expires },
  });
  return { token, previousTokenExpiresAt: expires?.toISOString() ?? null };
}
