// POST /api/v1/webhooks/{id}/replay — re-queue its failed and parked deliveries since a time
import { replayWebhookOperation } from "@/lib/api/operations/deliveries";
import { withAdmin } from "@/lib/api/with-admin";
import { replayWebhook } from "@/lib/server/deliveries/replay-webhook";

export const POST = withAdmin(replayWebhookOperation, ({ params, body, ctx }) => replayWebhook(ctx, params.id, body));
