// DELETE /api/v1/api-keys/{id} — revoke a key (immediate; the row stays for the list)
import { revokeApiKeyOperation } from "@/lib/api/operations/api-keys";
import { withAdmin } from "@/lib/api/with-admin";
import { revokeApiKey } from "@/lib/server/api-keys/api-keys";

export const DELETE = withAdmin(revokeApiKeyOperation, ({ params, ctx }) => revokeApiKey(ctx, params.id));
