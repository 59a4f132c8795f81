// DELETE /api/v1/oauth-tokens/{id} — revoke one grant (access and refresh token)
import { revokeOAuthTokenOperation } from "@/lib/api/operations/oauth-apps";
import { withAdmin } from "@/lib/api/with-admin";
import { revokeOAuthToken } from "@/lib/server/oauth/oauth-apps";

export const DELETE = withAdmin(revokeOAuthTokenOperation, async ({ params, ctx }) => {
  await revokeOAuthToken(ctx, params.id);
  return new Response(null, { status: 204 });
});
