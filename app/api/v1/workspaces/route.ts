// GET /api/v1/workspaces — list (keyset pages); POST — create a workspace (operators only)
import { createWorkspaceOperation, listWorkspacesOperation } from "@/lib/api/operations/workspaces";
import { withOperator } from "@/lib/api/with-admin";
import { createWorkspace, listWorkspaces } from "@/lib/server/workspaces/workspaces";

export const GET = withOperator(listWorkspacesOperation, ({ query, ctx }) => listWorkspaces(ctx, query));

export const POST = withOperator(createWorkspaceOperation, async ({ body, ctx }) => Response.json(await createWorkspace(ctx, body), { status: 201 }));
