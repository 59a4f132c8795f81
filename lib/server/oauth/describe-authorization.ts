import "server-only";
import { getDb } from "../../db";
import { type TAuthorizeRequest, ZAuthorizeRequest } from "../../validation/oauth";
import { knownScopes, requestedScopes, type TScope } from "../../validation/scopes";

export type TAuthorizationView =
  | { ok: true; request: TAuthorizeRequest; appName: string; scopes: TScope[]; redirectHost: string }
  | { ok: false; message: string };

/**
 * What the consent page shows for an authorization request: the application and the scopes it would
 * get, or why the request cannot go on. Everything is checked again when the admin answers (the
 * library does that); this is only so the admin decides on what will really be granted.
 */
export async function describeAuthorization(query: Record<string, string | string[] | undefined>): Promise<TAuthorizationView> {
  const repeated = Object.entries(query).find(([, v]) => Array.isArray(v));
  if (repeated) return { ok: false, message: `${repeated[0]} is repeated: send each parameter once` };
  const parsed = ZAuthorizeRequest.safeParse(query);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Not a valid authorization request" };
  const request = parsed.data;
  const app = await (await getDb()).oAuthApp.findUnique({ where: { clientId: request.client_id } });
  if (!app) return { ok: false, message: "No application has this client_id. Ask its developer to check it." };
  if (!app.redirectUris.includes(request.redirect_uri))
    return { ok: false, message: "This redirect_uri is not registered for the application (Settings → OAuth applications)." };
  const asked = requestedScopes(knownScopes(app.scopes), request.scope);
  if (!asked) return { ok: false, message: `The application asks for scopes it is not registered for: ${request.scope}` };
  if (!request.state) return { ok: false, message: "state is missing: the application must send one (it protects you from forged requests)" };
  return { ok: true, request, appName: app.name, scopes: asked, redirectHost: new URL(request.redirect_uri).host };
}
