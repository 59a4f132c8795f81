import "server-only";
import { getDb } from "../../db";
import { type TAuthorizeRequest, ZAuthorizeRequest } from "../../validation/oauth";
import { knownScopes, requestedScopes, type TScope } from "../../validation/scopes";
import { membershipRole } from "../workspaces/memberships";
import { errorRedirect } from "./error-redirect";

export type TAuthorizationView =
  | { ok: true; request: TAuthorizeRequest; appName: string; workspaceName: string; scopes: TScope[]; redirectHost: string }
  | { ok: false; message: string }
  | { ok: false; redirectTo: string };

type TQuery = Record<string, string | string[] | undefined>;

/** The one value of a parameter that must be sent once, or null when it is missing or repeated. */
function single(query: TQuery, name: string): string | null {
  const value = query[name];
  return typeof value === "string" && value !== "" ? value : null;
}

/**
 * What the consent page shows for an authorization request: the application and the scopes it would
 * get, or why the request cannot go on. Everything is checked again when the admin answers (the
 * library does that); this is only so the admin decides on what will really be granted.
 *
 * RFC 6749 §4.1.2.1: while the client or its redirect URI is unknown, the error is shown here and
 * never followed; once both are known, any other error goes back to the client's redirect URI.
 */
/** The application with this client_id when `userId` is an admin of its workspace; for anyone else it does not exist. */
export async function clientForAdmin(userId: string, clientId: string) {
  const prisma = await getDb();
  const app = await prisma.oAuthApp.findUnique({ where: { clientId }, include: { workspace: { select: { name: true } } } });
  return app && (await membershipRole(prisma, userId, app.workspaceId)) === "ADMIN" ? app : null;
}

export async function describeAuthorization(query: TQuery, userId: string): Promise<TAuthorizationView> {
  const clientId = single(query, "client_id");
  const redirectUri = single(query, "redirect_uri");
  if (!clientId) return { ok: false, message: "client_id is missing or repeated: the application must send it once" };
  if (!redirectUri) return { ok: false, message: "redirect_uri is missing or repeated: the application must send it once" };
  const app = await clientForAdmin(userId, clientId);
  if (!app) return { ok: false, message: "No application has this client_id. Ask its developer to check it." };
  if (app.revokedAt)
    return { ok: false, message: `“${app.name}” is revoked: its creator is no longer an admin. An admin can restore it in Settings → OAuth apps.` };
  if (!app.redirectUris.includes(redirectUri))
    return { ok: false, message: "This redirect_uri is not registered for the application (Settings → OAuth apps)." };

  const state = single(query, "state") ?? undefined;
  const back = (error: string, description: string): TAuthorizationView => ({ ok: false, redirectTo: errorRedirect(redirectUri, error, description, state) });
  const repeated = Object.entries(query).find(([, v]) => Array.isArray(v));
  if (repeated) return back("invalid_request", `${repeated[0]} is repeated: send each parameter once`);
  const parsed = ZAuthorizeRequest.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const error = issue?.path[0] === "response_type" ? "unsupported_response_type" : "invalid_request";
    return back(error, issue?.message ?? "Not a valid authorization request");
  }
  const request = parsed.data;
  const asked = requestedScopes(knownScopes(app.scopes), request.scope);
  if (!asked) return back("invalid_scope", `Asks for scopes the application is not registered for: ${request.scope}`);
  if (!request.state) return back("invalid_request", "state is missing: send one (it protects the user from forged requests)");
  return { ok: true, request, appName: app.name, workspaceName: app.workspace.name, scopes: asked, redirectHost: redirectPlace(redirectUri) };
}

/** What the admin is told they go back to: the host, or for a public client's own scheme (com.example.app:/cb), the app it names. */
function redirectPlace(redirectUri: string): string {
  const url = new URL(redirectUri);
  return url.host || url.protocol.slice(0, -1);
}
