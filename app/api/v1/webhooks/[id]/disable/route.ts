// POST /api/v1/webhooks/{id}/disable — stop deliveries now
import { disableWebhookOperation } from "@/lib/api/operations/webhooks";
import { withAdmin } from "@/lib/api/with-admin";
import { disableWebhook } from "@/lib/server/webhooks/set-webhook-enabled";

export const POST = withAdmin(disableWebhookOperation, ({ params, ctx }) => disableWebhook(ctx, params.id));
