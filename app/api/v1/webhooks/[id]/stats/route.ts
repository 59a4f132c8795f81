// GET /api/v1/webhooks/{id}/stats?range=24h|7d — deliveries per hour (succeeded / failed) and p50/p95 response time
import { withAdmin } from "@/lib/api/with-admin";
import { webhookStats } from "@/lib/server/deliveries/webhook-stats";
import { ZStatsQuery } from "@/lib/validation/delivery";
import { ZWebhookId } from "@/lib/validation/webhook";

export const GET = withAdmin({ params: ZWebhookId, query: ZStatsQuery }, async ({ params, query }) => ({ data: await webhookStats(params.id, query.range) }));
