// DELETE /api/v1/workspaces/{id}/members/{email} — remove a member (what they made there is revoked; operators only)
import { removeMemberOperation } from "@/lib/api/operations/workspaces";
import { withOperator } from "@/lib/api/with-admin";
import { removeMember } from "@/lib/server/workspaces/members";

export const DELETE = withOperator(removeMemberOperation, async ({ params, ctx }) => {
  await removeMember(ctx, params.id, params.email);
  return new Response(null, { status: 204 });
});
