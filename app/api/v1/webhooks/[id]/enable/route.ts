// POST /api/v1/webhooks/{id}/enable — test the URL, then enable; 422 with the reason when the test fails
import { withAdmin } from "@/lib/api/with-admin";
import { enableWebhook } from "@/lib/server/webhooks/set-webhook-enabled";
import { ZWebhookId } from "@/lib/validation/webhook";

export const POST = withAdmin({ params: ZWebhookId }, ({ params }) => enableWebhook(params.id));
