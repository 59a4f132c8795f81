// GET /api/v1/webhooks/{id}/queue — deliveries queued, scheduled and in flight, and what holds them back
import { webhookQueueOperation } from "@/lib/api/operations/deliveries";
import { withAdmin } from "@/lib/api/with-admin";
import { webhookQueue } from "@/lib/server/deliveries/webhook-queue";

export const GET = withAdmin(webhookQueueOperation, async ({ params, ctx }) => ({ data: await webhookQueue(ctx, params.id) }));
