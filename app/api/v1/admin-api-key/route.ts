// GET /api/v1/admin-api-key — reveal the Worksection-compatible administrative key (admin session only)
import { revealAdminApiKeyOperation } from "@/lib/api/operations/admin-api-key";
import { withAdmin } from "@/lib/api/with-admin";
import { revealAdminApiKey } from "@/lib/server/admin-api-key/admin-api-key";

export const GET = withAdmin(revealAdminApiKeyOperation, ({ ctx }) => revealAdminApiKey(ctx));
