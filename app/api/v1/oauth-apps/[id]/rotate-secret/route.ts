// POST /api/v1/oauth-apps/{id}/rotate-secret — a new client secret, shown once
import { rotateOAuthSecretOperation } from "@/lib/api/operations/oauth-apps";
import { withAdmin } from "@/lib/api/with-admin";
import { rotateOAuthSecret } from "@/lib/server/oauth/oauth-apps";

export const POST = withAdmin(rotateOAuthSecretOperation, async ({ params, ctx }) => rotateOAuthSecret(ctx, params.id));
