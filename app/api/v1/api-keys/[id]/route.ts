// DELETE /api/v1/api-keys/{id} — revoke a key (immediate; the row stays for the list)
import { withAdmin } from "@/lib/api/with-admin";
import { revokeApiKey } from "@/lib/server/api-keys/api-keys";
import { ZApiKeyId } from "@/lib/validation/catalog";

export const DELETE = withAdmin({ params: ZApiKeyId, allowApiKey: false }, ({ params }) => revokeApiKey(params.id));
