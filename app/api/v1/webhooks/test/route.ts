// POST /api/v1/webhooks/test — send a signed ping to a URL that is not saved yet
import { testUnsavedWebhookOperation } from "@/lib/api/operations/webhooks";
import { withAdmin } from "@/lib/api/with-admin";
import { runUnsavedWebhookTest } from "@/lib/server/webhooks/test-webhook";

export const POST = withAdmin(testUnsavedWebhookOperation, ({ body, ctx }) => runUnsavedWebhookTest(ctx, body));
