import "server-only";
import { auditedChange } from "../../db/audited-change";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { deliveryConfig } from "../../delivery/config";
import { sealHeaders, storedHeaders } from "../../delivery/custom-headers";
import { sealSecret } from "../../delivery/webhook-secrets";
import { DomainError } from "../../errors/domain-error";
import { Prisma, type Webhook } from "../../generated/prisma/client";
import { authorizationClash } from "../../validation/custom-headers";
import { ALL_EVENTS, AUTHORIZATION_CLASH, type TWebhookUpdate, ZWebhookUpdate } from "../../validation/webhook";
import { assertEventsExist, assertProjectsExist, assertTargetAllowed } from "./check-webhook-refs";
import { findWebhookRow } from "./get-webhook";
import { disabledByAdmin } from "./set-webhook-enabled";
import { describeTestFailure, isSameWebhookUrl, testWebhook } from "./test-webhook";
import { toWebhookDto } from "./to-webhook-dto";
import { webhookChanges, webhookTarget } from "./webhook-audit";

/**
 * The headers to store after an edit (null: unchanged). Authorization may not sit beside basic auth.
 * Like the password, a secret header's value was given for the URL it was saved with: a new URL keeps
 * secrets only when the same request types them again (refused otherwise, naming the header).
 */
function checkedHeaders(current: Webhook, patch: ReturnType<typeof ZWebhookUpdate.parse>, userAfter: string | null, isNewUrl: boolean) {
  const before = storedHeaders(current.customHeaders);
  const after = patch.headers ? sealHeaders(patch.headers, before) : before;
  const clash = authorizationClash(after, Boolean(userAfter));
  if (clash >= 0) throw DomainError.invalid(`headers.${clash}.name`, AUTHORIZATION_CLASH);
  if (isNewUrl) {
    const kept = after.findIndex((h, i) => "sealed" in h && !patch.headers?.[i]?.value);
    if (kept >= 0)
      throw DomainError.invalid(
        `headers.${kept}.value`,
        `Type the secret value of ${after[kept]?.name} again: secrets are only sent to the URL they were given for`,
      );
  }
  return patch.headers ? after : null;
}

/**
 * Partial update: absent fields stay; null clears httpUser (and its password) or httpPassword. A new
 * URL without a password in the same request clears the stored password: it was given for the old
 * receiver, and keeping it would hand it to whoever the new URL names (edit, deliver, edit back).
 * An enabled webhook's new URL passes the same test as enabling before anything is saved, unless the
 * same request disables it (`enabled: false`): otherwise an edit could point a green webhook at a URL
 * that never answers.
 */
export async function updateWebhook(ctx: TWorkspaceContext, id: string, input: TWebhookUpdate) {
  const patch = ZWebhookUpdate.parse(input);
  const current = await findWebhookRow(ctx, id);
  if (patch.events) await assertEventsExist(ctx, patch.events);
  if (patch.projects) await assertProjectsExist(ctx, patch.projects);
  if (patch.url) await assertTargetAllowed(patch.url);
  // A password is only ever sent with a user: refuse one that would end up without.
  const userAfter = patch.httpUser !== undefined ? patch.httpUser || null : current.httpUser;
  if (patch.httpPassword && !userAfter) throw DomainError.invalid("httpUser", "Enter the HTTP user that goes with the password");
  const isNewUrl = patch.url !== undefined && !isSameWebhookUrl(patch.url, current.url);
  const headers = checkedHeaders(current, patch, userAfter, isNewUrl);
  if (isNewUrl && current.enabled && patch.enabled !== false) {
    // As it will be sent after saving: the new URL with the user kept and the password cleared unless given.
    const result = await testWebhook(current, { url: patch.url, httpUser: userAfter ?? "", httpPassword: patch.httpPassword ?? undefined });
    if (!result.ok) throw new DomainError("rejected", "test_failed", `Not saved: the test delivery to the new URL failed (${describeTestFailure(result)})`);
  }
  const data: Prisma.WebhookUpdateInput = {};
  if (patch.enabled === false && current.enabled) Object.assign(data, disabledByAdmin());
  if (patch.url !== undefined) data.url = patch.url;
  // A failed enable was about the old URL.
  if (isNewUrl) Object.assign(data, { enableError: null, enableErrorAt: null });
  if (patch.description !== undefined) data.description = patch.description;
  if (patch.events) {
    data.allEvents = patch.events[0] === ALL_EVENTS;
    data.events = data.allEvents ? [] : patch.events;
  }
  if (patch.projects) data.projects = patch.projects;
  if (patch.maxInFlight !== undefined) data.maxInFlight = patch.maxInFlight;
  if (patch.rateLimitPerSecond !== undefined) data.rateLimitPerSecond = patch.rateLimitPerSecond;
  if (patch.signatureFamilies) data.signatureFamilies = patch.signatureFamilies;
  if (patch.autoRecover !== undefined) data.autoRecover = patch.autoRecover;
  if (headers) data.customHeaders = headers;
  if (patch.ordered !== undefined) data.ordered = patch.ordered;
  if (patch.orderingKey !== undefined) data.orderingKey = patch.orderingKey;
  if (patch.filter !== undefined) data.filter = patch.filter === null ? Prisma.DbNull : (patch.filter as Prisma.InputJsonValue);
  // Recovery off: no more probes. (On, for a webhook already disabled: from the next disable on.)
  if (patch.autoRecover === false) data.nextProbeAt = null;
  if (patch.httpUser !== undefined) data.httpUser = patch.httpUser || null;
  if (patch.httpUser === null || patch.httpUser === "") data.httpPasswordCiphertext = null;
  else if (patch.httpPassword !== undefined) data.httpPasswordCiphertext = patch.httpPassword ? sealSecret(patch.httpPassword) : null;
  else if (isNewUrl) data.httpPasswordCiphertext = null;
  const row = await auditedChange(
    ctx,
    (tx) => tx.webhook.update({ where: { id: current.id }, data }),
    (updated) => ({ action: "webhook.updated", target: webhookTarget(updated), changes: webhookChanges(current, updated) }),
  );
  return toWebhookDto(row, deliveryConfig().failureLimit);
}
