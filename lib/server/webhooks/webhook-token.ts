import "server-only";
import { generateWebhookToken } from "../../crypto/tokens";
import { getDb } from "../../db";
import { openSecret, sealSecret } from "../../delivery/webhook-secrets";
import { ZRotateToken } from "../../validation/webhook";
import { findWebhookRow } from "./get-webhook";

export const ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;

export async function revealWebhookToken(id: string): Promise<{ token: string }> {
  return { token: openSecret((await findWebhookRow(id)).tokenCiphertext) };
}

/** New token now; the old one keeps signing (as a second signature) for 24 h so receivers can switch. */
export async function rotateWebhookToken(id: string, input: unknown = {}, now = new Date()): Promise<{ token: string; previousTokenExpiresAt: string }> {
  const { token: chosen } = ZRotateToken.parse(input ?? {});
  const row = await findWebhookRow(id);
  const token = chosen ?? generateWebhookToken();
  const expires = new Date(now.getTime() + ROTATION_GRACE_MS);
  await (await getDb()).webhook.update({
    where: { id: row.id },
    data: { tokenCiphertext: sealSecret(token), previousTokenCiphertext: row.tokenCiphertext, previousTokenExpiresAt: expires },
  });
  return { token, previousTokenExpiresAt: expires.toISOString() };
}
