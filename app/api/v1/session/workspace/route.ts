// POST /api/v1/session/workspace — the header's switcher: act in another of the user's workspaces from now on
import { ApiError } from "@/lib/api/api-error";
import { switchWorkspaceOperation } from "@/lib/api/operations/workspaces";
import { withSession } from "@/lib/api/with-admin";
import { WORKSPACE_COOKIE } from "@/lib/api/workspace-cookie";
import { workspaceCookieOptions } from "@/lib/auth/cookie-options";
import { findWorkspace } from "@/lib/server/workspaces/find-workspace";
import { membershipRole } from "@/lib/server/workspaces/memberships";

export const POST = withSession(switchWorkspaceOperation, async ({ body, ctx }) => {
  const workspace = await findWorkspace(ctx.prisma, body.workspace);
  // Not an admin there (a member sees none of its settings): as if it did not exist.
  if (!workspace || (await membershipRole(ctx.prisma, ctx.user.id, workspace.id)) !== "ADMIN") throw ApiError.notFound("Workspace");
  const response = Response.json({ id: workspace.id, slug: workspace.slug });
  response.headers.append("set-cookie", workspaceCookieOptions().serialize(WORKSPACE_COOKIE, workspace.id));
  return response;
});
