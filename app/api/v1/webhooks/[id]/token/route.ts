// GET /api/v1/webhooks/{id}/token — reveal the signing token (the one documented way to read it)
import { revealTokenOperation } from "@/lib/api/operations/webhooks";
import { withAdmin } from "@/lib/api/with-admin";
import { revealWebhookToken } from "@/lib/server/webhooks/webhook-token";

export const GET = withAdmin(revealTokenOperation, ({ params, ctx }) => revealWebhookToken(ctx, params.id));
