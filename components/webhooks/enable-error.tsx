import type { TWebhook } from "@/lib/validation/webhook";
import { relativeTime } from "./summaries";

/**
 * Why the webhook is not enabled: the error of the attempt just made, else the last failed enable
 * the server kept (it survives a reload, until the webhook is enabled or its URL changes).
 */
export function EnableError({ webhook, justNow }: { webhook: Pick<TWebhook, "enabled" | "enableError">; justNow?: string }) {
  const kept = !webhook.enabled && webhook.enableError ? `${webhook.enableError.message} (${relativeTime(webhook.enableError.at)})` : undefined;
  const text = justNow ?? kept;
  if (!text) return null;
  return (
    <p role="alert" className="mt-2 text-sm text-red-700" data-testid="enable-error">
      {text}
    </p>
  );
}
