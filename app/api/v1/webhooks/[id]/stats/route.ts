// GET /api/v1/webhooks/{id}/stats?range=24h|7d — deliveries per hour (succeeded / failed) and p50/p95 response time
import { webhookStatsOperation } from "@/lib/api/operations/deliveries";
import { withAdmin } from "@/lib/api/with-admin";
import { webhookStats } from "@/lib/server/deliveries/webhook-stats";

export const GET = withAdmin(webhookStatsOperation, async ({ params, query, ctx }) => ({ data: await webhookStats(ctx, params.id, query.range) }));
