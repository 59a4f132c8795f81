// POST /api/v1/oauth-apps/{id}/restore — bring back an application revoked because its creator is no longer an admin; the caller takes it over
import { sessionUserId } from "@/lib/api/authenticate-request";
import { restoreOAuthAppOperation } from "@/lib/api/operations/oauth-apps";
import { withAdmin } from "@/lib/api/with-admin";
import { restoreOAuthApp } from "@/lib/server/oauth/oauth-apps";

export const POST = withAdmin(restoreOAuthAppOperation, ({ params, actor, ctx }) => restoreOAuthApp(ctx, params.id, sessionUserId(actor)));
