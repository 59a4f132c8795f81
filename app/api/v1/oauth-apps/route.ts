// GET|POST /api/v1/oauth-apps — list and register OAuth applications (admin session only)
import { createOAuthAppOperation, listOAuthAppsOperation } from "@/lib/api/operations/oauth-apps";
import { withAdmin } from "@/lib/api/with-admin";
import { createOAuthApp, listOAuthApps } from "@/lib/server/oauth/oauth-apps";

export const GET = withAdmin(listOAuthAppsOperation, async ({ ctx }) => ({ data: await listOAuthApps(ctx) }));
export const POST = withAdmin(createOAuthAppOperation, async ({ body, actor, ctx }) =>
  Response.json(await createOAuthApp(ctx, body, actor.kind === "session" ? actor.userId : null), { status: 201 }),
);
