// POST /api/v1/admin-api-key/regenerate — make or replace the administrative key (the old one fails at once)
import { regenerateAdminApiKeyOperation } from "@/lib/api/operations/admin-api-key";
import { withAdmin } from "@/lib/api/with-admin";
import { regenerateAdminApiKey } from "@/lib/server/admin-api-key/admin-api-key";

export const POST = withAdmin(regenerateAdminApiKeyOperation, ({ ctx }) => regenerateAdminApiKey(ctx));
