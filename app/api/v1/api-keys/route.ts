// GET /api/v1/api-keys — list; POST — create (key shown once). Admin session only: a key cannot mint keys.
import { withAdmin } from "@/lib/api/with-admin";
import { createApiKey, listApiKeys } from "@/lib/server/api-keys/api-keys";
import { ZApiKeyCreate } from "@/lib/validation/catalog";

export const GET = withAdmin({ allowApiKey: false }, async () => ({ data: await listApiKeys() }));

export const POST = withAdmin({ body: ZApiKeyCreate, allowApiKey: false }, async ({ body, actor }) =>
  Response.json(await createApiKey(body, actor.kind === "session" ? actor.userId : null), { status: 201 }),
);
