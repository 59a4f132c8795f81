import type { TWebhookStatus } from "./webhook";

/**
 * Worksection's three states, the one rule for them (browser-safe: the list's optimistic update uses
 * it too): gray disabled; enabled with failures since its last success, orange failing; else green
 * working. The database side of the same rule is STATUS_WHERE in lib/delivery/webhook-health.ts.
 */
export function webhookStatus(w: { enabled: boolean; consecutiveFailures: number }): TWebhookStatus {
  if (!w.enabled) return "disabled";
  return w.consecutiveFailures > 0 ? "failing" : "working";
}
