// GET /api/v1/webhooks — list (filter by enabled/status, cursor pages); POST — create (disabled, token shown once)
import { createWebhookOperation, listWebhooksOperation } from "@/lib/api/operations/webhooks";
import { withAdmin } from "@/lib/api/with-admin";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { listWebhooks } from "@/lib/server/webhooks/list-webhooks";

export const GET = withAdmin(listWebhooksOperation, ({ query, ctx }) => listWebhooks(ctx, query));

export const POST = withAdmin(createWebhookOperation, async ({ body, ctx }) => Response.json(await createWebhook(ctx, body), { status: 201 }));
