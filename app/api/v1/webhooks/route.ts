// GET /api/v1/webhooks — list (filter by enabled/status, cursor pages); POST — create (disabled, token shown once)
import { withAdmin } from "@/lib/api/with-admin";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { listWebhooks } from "@/lib/server/webhooks/list-webhooks";
import { ZWebhookCreate, ZWebhookListQuery } from "@/lib/validation/webhook";

export const GET = withAdmin({ query: ZWebhookListQuery }, ({ query }) => listWebhooks(query));

export const POST = withAdmin({ body: ZWebhookCreate }, async ({ body }) => Response.json(await createWebhook(body), { status: 201 }));
