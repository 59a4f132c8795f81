import "server-only";
import { cookieValue } from "../auth/device-cookie";
import { getDb } from "../db";
import { type TWorkspaceContext, workspaceContext } from "../db/workspace-context";
import { requestClientAddress } from "../http/client-address";
import { sessionWorkspace } from "../server/workspaces/memberships";
import { ApiError } from "./api-error";
import type { TCaller } from "./authenticate-request";
import { WORKSPACE_COOKIE, WORKSPACE_HEADER, WORKSPACE_QUERY } from "./workspace-cookie";

/**
 * The context a workspace's operation runs in. A credential acts in the workspace it belongs to; a
 * session in the one its page was rendered for (the header its API calls carry), else the one the
 * switcher chose (the cookie), else the user's first, and only as an admin there: a member of a
 * workspace sees nothing of its settings, and a user who belongs to no workspace has none to act in.
 */
export async function resolveWorkspace(caller: TCaller, request: Request): Promise<TWorkspaceContext> {
  const prisma = await getDb();
  const address = requestClientAddress(request);
  if (caller.actor.kind !== "session")
    return workspaceContext(prisma, (caller as { workspace: TWorkspaceContext["workspace"] }).workspace, caller.actor, address);
  // A browser's EventSource (GET /live) cannot send headers: it names the page's workspace in the query.
  const rendered = request.headers.get(WORKSPACE_HEADER) ?? new URL(request.url).searchParams.get(WORKSPACE_QUERY);
  // A page's workspace is exact: acting in another one because the user left it would be a surprise.
  const found = rendered
    ? await sessionWorkspace(prisma, caller.actor.userId, rendered, { isExact: true })
    : await sessionWorkspace(prisma, caller.actor.userId, cookieValue(request.headers.get("cookie"), WORKSPACE_COOKIE));
  if (!found && rendered) throw new ApiError(403, "forbidden", "You are no longer a member of this page's workspace: reload the page");
  if (!found) throw new ApiError(403, "forbidden", "You are not a member of any workspace: an operator can add you in Settings → Workspaces");
  if (found.role !== "ADMIN") throw new ApiError(403, "forbidden", `Only admins of ${found.workspace.name} can use its settings and admin API`);
  return workspaceContext(prisma, found.workspace, caller.actor, address);
}
