import "server-only";
import type { z } from "zod";
import { generateWebhookToken } from "../../crypto/tokens";
import { recordAudit } from "../../db/audited-change";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { deliveryConfig } from "../../delivery/config";
import { describeTestFailure, savedPingTarget, sendTestPing } from "../../delivery/send-test-ping";
import { DomainError } from "../../errors/domain-error";
import type { Webhook } from "../../generated/prisma/client";
import { type TTestResult, type TWebhookTest, ZWebhookTest, ZWebhookTestUrl } from "../../validation/webhook";
import { findWebhookRow } from "./get-webhook";
import { sendExample } from "./send-example";
import { webhookTarget } from "./webhook-audit";

type TOverrides = Partial<z.input<typeof ZWebhookTestUrl>>;

/** Whether two webhook URLs are one target, compared as the URL parser serializes them. */
export function isSameWebhookUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
}

/**
 * Test a saved webhook, optionally with the form's unsaved URL / basic auth. The stored password
 * goes only to the stored URL: a test of another URL authenticates with what the request carries,
 * or not at all (otherwise anyone who may press Test could read the password at a URL of theirs).
 * The stored token still signs there: an HMAC signature does not reveal its key, and replaying it
 * to the real receiver could only deliver this `ping`, within the receiver's timestamp tolerance.
 * Takes the row its caller has read (the Test button, enabling, an edit of the URL).
 */
export async function testWebhook(row: Webhook, overrides: TOverrides = {}): Promise<TTestResult> {
  const edited = ZWebhookTestUrl.partial().parse(overrides);
  const isSavedUrl = edited.url === undefined || isSameWebhookUrl(edited.url, row.url);
  const saved = savedPingTarget(row);
  const { allow, timeoutMs } = deliveryConfig();
  return sendTestPing(
    {
      ...saved,
      url: edited.url ?? row.url,
      tokens: edited.token ? [edited.token] : saved.tokens,
      signatureFamilies: edited.signatureFamilies ?? saved.signatureFamilies,
      httpUser: edited.httpUser !== undefined ? edited.httpUser : isSavedUrl ? row.httpUser : null,
      httpPassword: edited.httpPassword ?? (isSavedUrl ? saved.httpPassword : null),
      // Secret header values go only where the password goes: the saved URL.
      customHeaders: isSavedUrl ? saved.customHeaders : saved.customHeaders?.filter((h) => !h.isSecret),
    },
    { allow, timeoutMs },
  );
}

/** Test a URL that is not saved yet (the create form). Without a token, a throwaway one signs. */
export async function testUnsavedWebhook(input: z.input<typeof ZWebhookTestUrl>): Promise<TTestResult> {
  const data = ZWebhookTestUrl.parse(input);
  const { allow, timeoutMs } = deliveryConfig();
  return sendTestPing(
    {
      url: data.url,
      tokens: [data.token ?? generateWebhookToken()],
      signatureFamilies: data.signatureFamilies,
      httpUser: data.httpUser,
      httpPassword: data.httpPassword,
    },
    { allow, timeoutMs },
  );
}

export { describeTestFailure };

/** The message of a refused enable: the test delivery failed, and why. */
export function testFailedMessage(result: TTestResult): string {
  return `Not enabled: the test delivery failed (${describeTestFailure(result)})`;
}

/**
 * The test enabling runs, for a webhook that is not saved yet (created enabled in one step):
 * throws `rejected`/`test_failed` when it fails. Any 2xx within the deadline passes.
 */
export async function requirePassingTest(input: z.input<typeof ZWebhookTestUrl>): Promise<void> {
  const result = await testUnsavedWebhook(input);
  if (!result.ok) throw new DomainError("rejected", "test_failed", testFailedMessage(result));
}

/** The test's outcome as an audit entry's facts: passed, or why not; and the URL when it is not the saved one. */
const testFacts = (result: TTestResult, url?: string) => ({
  ok: result.ok,
  outcome: result.ok ? `HTTP ${result.status}` : describeTestFailure(result),
  ...(url ? { url } : {}),
});

/**
 * Test (the Test button, POST /webhooks/{id}/test): the webhook read, tested (testWebhook), and
 * recorded in the audit log; with `event`, that type's example instead (sendExample).
 */
export async function runWebhookTest(ctx: TWorkspaceContext, id: string, input: TWebhookTest = {}): Promise<TTestResult> {
  const { event, ...overrides } = ZWebhookTest.parse(input);
  const row = await findWebhookRow(ctx, id);
  if (event) return sendExample(ctx, row, event);
  const result = await testWebhook(row, overrides);
  const url = overrides.url && !isSameWebhookUrl(overrides.url, row.url) ? overrides.url : undefined;
  await recordAudit(ctx, { action: "webhook.tested", target: webhookTarget(row), changes: testFacts(result, url) });
  return result;
}

/** Test of an unsaved URL (the create form, POST /webhooks/test), recorded in the audit log. */
export async function runUnsavedWebhookTest(ctx: TWorkspaceContext, input: z.input<typeof ZWebhookTestUrl>): Promise<TTestResult> {
  const result = await testUnsavedWebhook(input);
  const url = ZWebhookTestUrl.parse(input).url;
  await recordAudit(ctx, { action: "webhook.tested", target: { type: "webhook", id: null, name: url }, changes: testFacts(result) });
  return result;
}
