// POST /api/v1/webhooks/{id}/enable — test the URL, then enable; 422 with the reason when the test fails
import { enableWebhookOperation } from "@/lib/api/operations/webhooks";
import { withAdmin } from "@/lib/api/with-admin";
import { enableWebhook } from "@/lib/server/webhooks/set-webhook-enabled";

export const POST = withAdmin(enableWebhookOperation, ({ params, ctx }) => enableWebhook(ctx, params.id));
