// GET /api/v1/webhooks/{id}/stats?range=24h|7d — attempts per hour and p50/p95 response time
import { z } from "zod";
import { withAdmin } from "@/lib/api/with-admin";
import { webhookStats } from "@/lib/server/deliveries/webhook-stats";
import { ZWebhookId } from "@/lib/validation/webhook";

const ZRange = z.object({ range: z.enum(["24h", "7d"]).default("24h") });

export const GET = withAdmin({ params: ZWebhookId, query: ZRange }, async ({ params, query }) => ({ data: await webhookStats(params.id, query.range) }));
