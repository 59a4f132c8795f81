// GET /api/v1/api-keys — list; POST — create (key shown once). Admin session only: a key cannot mint keys.
import { createApiKeyOperation, listApiKeysOperation } from "@/lib/api/operations/api-keys";
import { withAdmin } from "@/lib/api/with-admin";
import { createApiKey, listApiKeys } from "@/lib/server/api-keys/api-keys";

export const GET = withAdmin(listApiKeysOperation, async ({ ctx }) => ({ data: await listApiKeys(ctx) }));

export const POST = withAdmin(createApiKeyOperation, async ({ body, actor, ctx }) =>
  Response.json(await createApiKey(ctx, body, actor.kind === "session" ? actor.userId : null), { status: 201 }),
);
