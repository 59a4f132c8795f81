// GET|PATCH|DELETE /api/v1/webhooks/{id} — read, partly update, delete a webhook
import { deleteWebhookOperation, getWebhookOperation, updateWebhookOperation } from "@/lib/api/operations/webhooks";
import { withAdmin } from "@/lib/api/with-admin";
import { deleteWebhook } from "@/lib/server/webhooks/delete-webhook";
import { getWebhook } from "@/lib/server/webhooks/get-webhook";
import { updateWebhook } from "@/lib/server/webhooks/update-webhook";

export const GET = withAdmin(getWebhookOperation, ({ params, ctx }) => getWebhook(ctx, params.id));

export const PATCH = withAdmin(updateWebhookOperation, ({ params, body, ctx }) => updateWebhook(ctx, params.id, body));

export const DELETE = withAdmin(deleteWebhookOperation, async ({ params, ctx }) => {
  await deleteWebhook(ctx, params.id);
  return new Response(null, { status: 204 });
});
