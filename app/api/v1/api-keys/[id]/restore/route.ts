// POST /api/v1/api-keys/{id}/restore — bring back a key revoked because its creator is no longer an admin; the caller takes it over
import { sessionUserId } from "@/lib/api/authenticate-request";
import { restoreApiKeyOperation } from "@/lib/api/operations/api-keys";
import { withAdmin } from "@/lib/api/with-admin";
import { restoreApiKey } from "@/lib/server/api-keys/api-keys";

export const POST = withAdmin(restoreApiKeyOperation, ({ params, actor, ctx }) => restoreApiKey(ctx, params.id, sessionUserId(actor)));
