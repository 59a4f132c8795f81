// GET /api/v1/webhooks/{id}/token — reveal the signing token (the one documented way to read it)
import { withAdmin } from "@/lib/api/with-admin";
import { revealWebhookToken } from "@/lib/server/webhooks/webhook-token";
import { ZWebhookId } from "@/lib/validation/webhook";

export const GET = withAdmin({ params: ZWebhookId }, ({ params }) => revealWebhookToken(params.id));
