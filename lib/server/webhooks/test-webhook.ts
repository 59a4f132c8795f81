import "server-only";
import type { z } from "zod";
import { generateWebhookToken } from "../../crypto/tokens";
import { deliveryConfig } from "../../delivery/config";
import { sendTestPing } from "../../delivery/send-test-ping";
import { type TTestResult, ZWebhookTestUrl } from "../../validation/webhook";
import { findWebhookRow } from "./get-webhook";
import { openSecret, signingTokens } from "./webhook-secrets";

type TOverrides = Partial<z.input<typeof ZWebhookTestUrl>>;

/**
 * Test a saved webhook, optionally with the form's unsaved URL / basic auth: the stored token and
 * password sign and authenticate unless the edit replaces them.
 */
export async function testWebhook(id: string, overrides: TOverrides = {}): Promise<TTestResult> {
  const row = await findWebhookRow(id);
  const edited = ZWebhookTestUrl.partial().parse(overrides);
  const { allow, timeoutMs } = deliveryConfig();
  return sendTestPing(
    {
      webhookId: row.id,
      url: edited.url ?? row.url,
      tokens: edited.token ? [edited.token] : signingTokens(row),
      httpUser: edited.httpUser !== undefined ? edited.httpUser : row.httpUser,
      httpPassword: edited.httpPassword ?? (row.httpPasswordCiphertext ? openSecret(row.httpPasswordCiphertext) : null),
    },
    { allow, timeoutMs },
  );
}

/** Test a URL that is not saved yet (the create form). Without a token, a throwaway one signs. */
export async function testUnsavedWebhook(input: z.input<typeof ZWebhookTestUrl>): Promise<TTestResult> {
  const data = ZWebhookTestUrl.parse(input);
  const { allow, timeoutMs } = deliveryConfig();
  return sendTestPing(
    { url: data.url, tokens: [data.token ?? generateWebhookToken()], httpUser: data.httpUser, httpPassword: data.httpPassword },
    { allow, timeoutMs },
  );
}

export function describeTestFailure(result: TTestResult): string {
  if (result.ok) return "";
  const what = result.errorClass === "http_status" ? `the URL answered HTTP ${result.status}` : (result.errorMessage ?? result.errorClass ?? "unknown error");
  return `${result.errorClass ?? "error"}: ${what}`;
}
