import "server-only";
import { auditedChange, recordAudit } from "../../db/audited-change";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { deliveryConfig } from "../../delivery/config";
import { notifyWorkers } from "../../delivery/runtime/wakeup";
import { DomainError } from "../../errors/domain-error";
import { findWebhookRow } from "./get-webhook";
import { testFailedMessage, testWebhook } from "./test-webhook";
import { toWebhookDto } from "./to-webhook-dto";
import { webhookTarget } from "./webhook-audit";

/**
 * Enabling first tests the URL (Worksection: "if the URL is invalid, an error appears when you
 * enable it") and refuses when the test fails, keeping only why (shown with the webhook until it is
 * enabled or its URL changes). It resets the failure count.
 */
export async function enableWebhook(ctx: TWorkspaceContext, id: string) {
  const row = await findWebhookRow(ctx, id);
  if (row.enabled) {
    await recordAudit(ctx, { action: "webhook.enabled", target: webhookTarget(row), changes: { note: "it was already enabled" } });
    return toWebhookDto(row, deliveryConfig().failureLimit);
  }
  const result = await testWebhook(row);
  if (!result.ok) {
    const message = testFailedMessage(result);
    // The refusal is recorded too: someone tried, and why it did not work.
    await auditedChange(ctx, (tx) => tx.webhook.update({ where: { id }, data: { enableError: message, enableErrorAt: new Date() } }), {
      action: "webhook.tested",
      target: webhookTarget(row),
      changes: { ok: false, purpose: "enable", outcome: message },
    });
    throw new DomainError("rejected", "test_failed", message);
  }
  const updated = await auditedChange(
    ctx,
    (tx) =>
      tx.webhook.update({
        where: { id },
        data: { enabled: true, consecutiveFailures: 0, disabledReason: null, disabledAt: null, enableError: null, enableErrorAt: null, nextProbeAt: null },
      }),
    { action: "webhook.enabled", target: webhookTarget(row) },
  );
  // Its parked deliveries are due now; idle workers sleep until their next due time otherwise.
  await notifyWorkers(ctx.prisma);
  return toWebhookDto(updated, deliveryConfig().failureLimit);
}

/** The columns an admin's disable writes (no reason: Hookline did not do it; no recovery probes either). */
export const disabledByAdmin = () => ({ enabled: false, disabledReason: null, disabledAt: new Date(), nextProbeAt: null });

/** Immediate. Disabling one that is already off changes nothing (it keeps why Hookline disabled it). */
export async function disableWebhook(ctx: TWorkspaceContext, id: string) {
  const row = await findWebhookRow(ctx, id);
  if (!row.enabled) {
    // Already off, maybe by Hookline with recovery probes planned: an admin's disable stops them.
    const updated = await auditedChange(ctx, (tx) => tx.webhook.update({ where: { id }, data: { nextProbeAt: null } }), {
      action: "webhook.disabled",
      target: webhookTarget(row),
      changes: row.nextProbeAt ? { note: "recovery probes stopped" } : { note: "it was already disabled" },
    });
    return toWebhookDto(updated, deliveryConfig().failureLimit);
  }
  const updated = await auditedChange(ctx, (tx) => tx.webhook.update({ where: { id }, data: disabledByAdmin() }), {
    action: "webhook.disabled",
    target: webhookTarget(row),
  });
  return toWebhookDto(updated, deliveryConfig().failureLimit);
}
