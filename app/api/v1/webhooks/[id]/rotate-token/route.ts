// POST /api/v1/webhooks/{id}/rotate-token — new signing token; the old one also signs for 24 h
import { rotateTokenOperation } from "@/lib/api/operations/webhooks";
import { withAdmin } from "@/lib/api/with-admin";
import { rotateWebhookToken } from "@/lib/server/webhooks/webhook-token";

export const POST = withAdmin(rotateTokenOperation, ({ params, body, ctx }) => rotateWebhookToken(ctx, params.id, body));
