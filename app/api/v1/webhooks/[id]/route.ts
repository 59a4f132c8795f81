// GET|PATCH|DELETE /api/v1/webhooks/{id} — read, partly update, delete a webhook
import { withAdmin } from "@/lib/api/with-admin";
import { deleteWebhook } from "@/lib/server/webhooks/delete-webhook";
import { getWebhook } from "@/lib/server/webhooks/get-webhook";
import { updateWebhook } from "@/lib/server/webhooks/update-webhook";
import { ZWebhookId, ZWebhookUpdate } from "@/lib/validation/webhook";

export const GET = withAdmin({ params: ZWebhookId }, ({ params }) => getWebhook(params.id));

export const PATCH = withAdmin({ params: ZWebhookId, body: ZWebhookUpdate }, ({ params, body }) => updateWebhook(params.id, body));

export const DELETE = withAdmin({ params: ZWebhookId }, async ({ params }) => {
  await deleteWebhook(params.id);
  return new Response(null, { status: 204 });
});
