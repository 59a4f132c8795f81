// POST /api/v1/webhooks/{id}/replay — re-queue its failed and parked deliveries since a time
import { withAdmin } from "@/lib/api/with-admin";
import { replayWebhook } from "@/lib/server/deliveries/replay-webhook";
import { ZReplay } from "@/lib/validation/delivery";
import { ZWebhookId } from "@/lib/validation/webhook";

export const POST = withAdmin({ params: ZWebhookId, body: ZReplay }, ({ params, body }) => replayWebhook(params.id, body));
