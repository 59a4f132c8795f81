// POST /api/v1/webhooks/{id}/test — signed ping now; the body may carry the form's unsaved URL / basic auth
// (the stored password is sent only to the stored URL: see testWebhook)
import { testWebhookOperation } from "@/lib/api/operations/webhooks";
import { withAdmin } from "@/lib/api/with-admin";
import { runWebhookTest } from "@/lib/server/webhooks/test-webhook";

export const POST = withAdmin(testWebhookOperation, ({ params, body, ctx }) => runWebhookTest(ctx, params.id, body));
