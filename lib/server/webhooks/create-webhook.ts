import "server-only";
import { generateWebhookToken } from "../../crypto/tokens";
import { auditedChange } from "../../db/audited-change";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { deliveryConfig } from "../../delivery/config";
import { headersChange, sealHeaders } from "../../delivery/custom-headers";
import { sealSecret } from "../../delivery/webhook-secrets";
import type { Prisma } from "../../generated/prisma/client";
import { ALL_EVENTS, type TWebhookCreate, ZWebhookCreate } from "../../validation/webhook";
import { assertEventsExist, assertProjectsExist, assertTargetAllowed } from "./check-webhook-refs";
import { requirePassingTest } from "./test-webhook";
import { toWebhookDto } from "./to-webhook-dto";
import { webhookTarget } from "./webhook-audit";

/**
 * Creates a webhook, disabled (Worksection's form); the token is returned this once, and by reveal.
 * `mustPassTest` creates it enabled instead, as Worksection's add_webhook does, once the test that
 * enabling runs has passed with the new token and credentials; when it fails nothing is written.
 */
export async function createWebhook(ctx: TWorkspaceContext, input: TWebhookCreate, { mustPassTest = false } = {}) {
  const data = ZWebhookCreate.parse(input);
  await assertEventsExist(ctx, data.events);
  await assertProjectsExist(ctx, data.projects);
  await assertTargetAllowed(data.url);
  const token = data.token ?? generateWebhookToken();
  const httpPassword = data.httpUser && data.httpPassword ? data.httpPassword : null;
  if (mustPassTest)
    await requirePassingTest({
      url: data.url,
      token,
      httpUser: data.httpUser || undefined,
      httpPassword: httpPassword ?? undefined,
      signatureFamilies: data.signatureFamilies,
    });
  const allEvents = data.events[0] === ALL_EVENTS;
  const customHeaders = sealHeaders(data.headers, []);
  const row = await auditedChange(
    ctx,
    (tx) =>
      tx.webhook.create({
        data: {
          url: data.url,
          description: data.description,
          allEvents,
          events: allEvents ? [] : data.events,
          projects: data.projects,
          tokenCiphertext: sealSecret(token),
          httpUser: data.httpUser || null,
          httpPasswordCiphertext: httpPassword ? sealSecret(httpPassword) : null,
          enabled: mustPassTest,
          maxInFlight: data.maxInFlight,
          rateLimitPerSecond: data.rateLimitPerSecond,
          signatureFamilies: data.signatureFamilies,
          autoRecover: data.autoRecover,
          customHeaders,
          ...(data.filter ? { filter: data.filter as Prisma.InputJsonValue } : {}),
          ordered: data.ordered,
          orderingKey: data.orderingKey,
        },
      }),
    (created) => ({
      action: "webhook.created",
      target: webhookTarget(created),
      changes: {
        url: created.url,
        description: created.description,
        events: data.events,
        projects: created.projects,
        enabled: created.enabled,
        ...(customHeaders.length ? { customHeaders: headersChange([], customHeaders) } : {}),
        ...(data.filter ? { filter: data.filter } : {}),
        ...(data.ordered ? { ordered: true, orderingKey: data.orderingKey } : {}),
      },
    }),
  );
  return { ...toWebhookDto(row, deliveryConfig().failureLimit), token };
}
