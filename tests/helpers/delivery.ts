import { parseAllowList } from "@/lib/config/allow-list";
import { getDb } from "@/lib/db";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import type { TDeliveryConfig } from "@/lib/delivery/config";
import type { TSendResult } from "@/lib/delivery/send-request";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";

export const TEST_CONFIG: TDeliveryConfig = {
  allow: parseAllowList("127.0.0.1"),
  timeoutMs: 2_000,
  failureLimit: 10,
  retrySchedule: [60_000, 300_000, 600_000],
  maxPayloadBytes: 256 * 1024,
  maxBatchEvents: 500,
  concurrency: 8,
  leaseMs: 32_000,
  retentionDays: 30,
};

/** An enabled webhook (enabling through the API would send a test ping first). */
export async function enabledWebhook(url: string, body: Record<string, unknown> = {}) {
  const prisma = await getDb();
  const created = await createWebhook(defaultWorkspaceContext(prisma), { url, events: ["deals.created"], ...body });
  await prisma.webhook.update({ where: { id: created.id }, data: { enabled: true } });
  return created;
}

/** A clock the test moves by hand. */
export function manualClock(start = new Date()) {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms: number) => (t += ms), at: (ms: number) => new Date(start.getTime() + ms) };
}

/** A receiver's 200 as the worker records it. */
export const OK_RESULT: TSendResult = {
  ok: true,
  statusCode: 200,
  durationMs: 3,
  errorClass: null,
  errorMessage: null,
  responseHeaders: {},
  responseBody: "ok",
  isBodyTruncated: false,
};

/** A receiver's error status as the worker records it. */
export const failedResult = (statusCode = 500): TSendResult => ({
  ...OK_RESULT,
  ok: false,
  statusCode,
  errorClass: "http_status",
  errorMessage: `HTTP ${statusCode}`,
  responseBody: "no",
});
