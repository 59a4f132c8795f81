// GET /settings/open?kind=delivery&id=…&next=/settings/webhooks/deliveries/… — a shared link to a webhook, delivery or
// event of another of the user's workspaces: switch the session to the workspace that holds it, then open it.
// Only ever to a workspace the user administers and that holds that very thing, so a link from another site
// can do no more than following it would.
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/api/current-user";
import { WORKSPACE_COOKIE } from "@/lib/api/workspace-cookie";
import { workspaceCookieOptions } from "@/lib/auth/cookie-options";
import { getDb } from "@/lib/db";
import { safeReturnPath } from "@/lib/safe-redirect";
import { adminWorkspaceOf, type TEntityKind } from "@/lib/server/workspaces/locate-entity";

const KINDS = new Set<TEntityKind>(["webhook", "delivery", "event"]);

export async function GET(request: Request): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const next = safeReturnPath(query.get("next") ?? undefined);
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(next)}`);
  const kind = query.get("kind") as TEntityKind;
  const owner = KINDS.has(kind) ? await adminWorkspaceOf(await getDb(), user.id, kind, query.get("id") ?? "") : null;
  const response = new Response(null, { status: 303, headers: { location: next } });
  if (owner) response.headers.append("set-cookie", workspaceCookieOptions().serialize(WORKSPACE_COOKIE, owner));
  return response;
}
