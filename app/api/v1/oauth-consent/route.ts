// POST /api/v1/oauth-consent — the consent page's Approve / Deny (app/(admin)/oauth/authorize)
import { ApiError } from "@/lib/api/api-error";
import { consentOperation } from "@/lib/api/operations/oauth-apps";
import { withAdmin } from "@/lib/api/with-admin";
import { decideConsent } from "@/lib/server/oauth/decide-consent";

export const POST = withAdmin(consentOperation, async ({ body, actor, ctx }) => {
  if (actor.kind !== "session") throw new ApiError(403, "forbidden", "Only a signed-in admin can approve an application");
  const { decision, ...params } = body;
  const result = await decideConsent({ ...ctx, actor }, params, decision === "approve");
  if ("error" in result) throw new ApiError(400, result.error, result.description);
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});
