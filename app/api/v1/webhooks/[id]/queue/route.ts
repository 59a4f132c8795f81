// GET /api/v1/webhooks/{id}/queue — deliveries queued, scheduled and in flight, and what holds them back
import { withAdmin } from "@/lib/api/with-admin";
import { webhookQueue } from "@/lib/server/deliveries/webhook-queue";
import { ZWebhookId } from "@/lib/validation/webhook";

export const GET = withAdmin({ params: ZWebhookId }, async ({ params }) => ({ data: await webhookQueue(params.id) }));
