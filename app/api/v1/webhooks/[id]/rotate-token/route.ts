// POST /api/v1/webhooks/{id}/rotate-token — new signing token; the old one also signs for 24 h
import { withAdmin } from "@/lib/api/with-admin";
import { rotateWebhookToken } from "@/lib/server/webhooks/webhook-token";
import { ZRotateToken, ZWebhookId } from "@/lib/validation/webhook";

export const POST = withAdmin({ params: ZWebhookId, body: ZRotateToken }, ({ params, body }) => rotateWebhookToken(params.id, body));
