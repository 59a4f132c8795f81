// DELETE /api/v1/oauth-apps/{id} — delete an application; its tokens and codes go with it
import { deleteOAuthAppOperation } from "@/lib/api/operations/oauth-apps";
import { withAdmin } from "@/lib/api/with-admin";
import { deleteOAuthApp } from "@/lib/server/oauth/oauth-apps";

export const DELETE = withAdmin(deleteOAuthAppOperation, async ({ params, ctx }) => {
  await deleteOAuthApp(ctx, params.id);
  return new Response(null, { status: 204 });
});
