import "server-only";
import { headersDto, storedHeaders } from "../../delivery/custom-headers";
import type { Webhook } from "../../generated/prisma/client";
import { storedSignatureFamilies } from "../../validation/signature-family";
import { ALL_EVENTS, type TWebhook } from "../../validation/webhook";
import { webhookStatus } from "../../validation/webhook-status";

/** The API's view of a webhook: no token, no password (only whether one is set). */
export function toWebhookDto(row: Webhook, failureLimit: number, now = new Date()): TWebhook {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.allEvents ? [ALL_EVENTS] : row.events,
    projects: row.projects,
    httpUser: row.httpUser,
    hasHttpPassword: row.httpPasswordCiphertext !== null,
    enabled: row.enabled,
    status: webhookStatus(row),
    consecutiveFailures: row.consecutiveFailures,
    failureLimit,
    disabledReason: row.disabledReason,
    enableError: row.enableError && row.enableErrorAt ? { message: row.enableError, at: row.enableErrorAt.toISOString() } : null,
    previousTokenExpiresAt: row.previousTokenExpiresAt && row.previousTokenExpiresAt > now ? row.previousTokenExpiresAt.toISOString() : null,
    maxInFlight: row.maxInFlight,
    rateLimitPerSecond: row.rateLimitPerSecond,
    signatureFamilies: storedSignatureFamilies(row.signatureFamilies),
    lastDeliveryAt: row.lastDeliveryAt?.toISOString() ?? null,
    autoRecover: row.autoRecover,
    headers: headersDto(storedHeaders(row.customHeaders)),
    filter: (row.filter ?? null) as Record<string, unknown> | null,
    ordered: row.ordered,
    orderingKey: row.orderingKey,
    recovery: {
      nextProbeAt: row.nextProbeAt?.toISOString() ?? null,
      probes: row.recoveryProbes,
      lastProbeAt: row.lastProbeAt?.toISOString() ?? null,
      lastProbeResult: row.lastProbeResult,
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
