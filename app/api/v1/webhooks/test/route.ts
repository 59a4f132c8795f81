// POST /api/v1/webhooks/test — send a signed ping to a URL that is not saved yet
import { withAdmin } from "@/lib/api/with-admin";
import { testUnsavedWebhook } from "@/lib/server/webhooks/test-webhook";
import { ZWebhookTestUrl } from "@/lib/validation/webhook";

export const POST = withAdmin({ body: ZWebhookTestUrl }, ({ body }) => testUnsavedWebhook(body));
