// POST /api/v1/webhooks/{id}/disable — stop deliveries now
import { withAdmin } from "@/lib/api/with-admin";
import { disableWebhook } from "@/lib/server/webhooks/set-webhook-enabled";
import { ZWebhookId } from "@/lib/validation/webhook";

export const POST = withAdmin({ params: ZWebhookId }, ({ params }) => disableWebhook(params.id));
