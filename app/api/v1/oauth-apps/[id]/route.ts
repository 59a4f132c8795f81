// DELETE /api/v1/oauth-apps/{id} — delete an application; its tokens and codes go with it
import { deleteOAuthAppOperation, updateOAuthAppOperation } from "@/lib/api/operations/oauth-apps";
import { withAdmin } from "@/lib/api/with-admin";
import { deleteOAuthApp, updateOAuthApp } from "@/lib/server/oauth/oauth-apps";

export const DELETE = withAdmin(deleteOAuthAppOperation, async ({ params, ctx }) => {
  await deleteOAuthApp(ctx, params.id);
  return new Response(null, { status: 204 });
});

// PATCH /api/v1/oauth-apps/{id} — rename it or replace its redirect URIs
export const PATCH = withAdmin(updateOAuthAppOperation, async ({ params, body, ctx }) => updateOAuthApp(ctx, params.id, body));
