// GET|PATCH|DELETE /api/v1/workspaces/{id} — read, rename or limit, delete a workspace (operators only; id or slug)
import { deleteWorkspaceOperation, getWorkspaceOperation, updateWorkspaceOperation } from "@/lib/api/operations/workspaces";
import { withOperator } from "@/lib/api/with-admin";
import { deleteWorkspace, getWorkspace, updateWorkspace } from "@/lib/server/workspaces/workspaces";

export const GET = withOperator(getWorkspaceOperation, ({ params, ctx }) => getWorkspace(ctx, params.id));

export const PATCH = withOperator(updateWorkspaceOperation, ({ params, body, ctx }) => updateWorkspace(ctx, params.id, body));

export const DELETE = withOperator(deleteWorkspaceOperation, async ({ params, query, ctx }) => {
  await deleteWorkspace(ctx, params.id, query);
  return new Response(null, { status: 204 });
});
