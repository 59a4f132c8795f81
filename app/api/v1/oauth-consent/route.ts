// POST /api/v1/oauth-consent — the consent page's Approve / Deny (app/(admin)/oauth/authorize)
import { ApiError } from "@/lib/api/api-error";
import { consentOperation } from "@/lib/api/operations/oauth-apps";
import { withAdmin } from "@/lib/api/with-admin";
import { clientForAdmin } from "@/lib/server/oauth/describe-authorization";
import { decideAuthorization } from "@/lib/server/oauth/oauth-server";

export const POST = withAdmin(consentOperation, async ({ body, actor }) => {
  if (actor.kind !== "session") throw new ApiError(403, "forbidden", "Only a signed-in admin can approve an application");
  const { decision, ...params } = body;
  // The application's workspace decides, not the session's current one: its admins approve it; for anyone else it does not exist.
  if (!(await clientForAdmin(actor.userId, params.client_id))) throw new ApiError(400, "invalid_client", "No application has this client_id");
  const result = await decideAuthorization(params, { id: actor.userId }, decision === "approve");
  if ("error" in result) throw new ApiError(400, result.error, result.description);
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});
