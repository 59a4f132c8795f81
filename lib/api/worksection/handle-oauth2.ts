import "server-only";
import { maxBodyBytes } from "../../config/env-schema";
import { getDb } from "../../db";
import { workspaceContext } from "../../db/workspace-context";
import { env } from "../../env";
import { requestClientAddress } from "../../http/client-address";
import { authenticateAccessToken } from "../../server/oauth/authenticate-access-token";
import { runWorksectionAction } from "../../server/worksection/run-action";
import { grantsAny, type TScope } from "../../validation/scopes";
import type { TWorksectionResult } from "../../validation/worksection";
import { beginCredentialCheck } from "../credential-throttle";
import { readWorksectionRequest } from "./read-worksection-request";
import { toWorksectionResult, WorksectionError } from "./worksection-error";
import { tooManyAttempts, worksectionResponse } from "./worksection-response";

// Worksection asks for scope=administrative; a narrower Hookline scope that covers the action does too.
const NEEDS: Record<string, TScope[]> = {
  get_webhooks: ["webhooks:read"],
  add_webhook: ["webhooks:write"],
  delete_webhook: ["webhooks:write"],
};

// A URL that carried access_token must not be kept by a cache on the way (RFC 6750 §2.3).
const NO_STORE = { "cache-control": "no-store" };

/** The OAuth access token of a call: `Authorization: Bearer`, else the `access_token` parameter (seed 004's two forms). */
function bearerOf(request: Request, params: Map<string, string>): string | null {
  const match = /^bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1] ?? params.get("access_token") ?? null;
}

/**
 * Worksection's OAuth form of the admin API (/api/oauth2?action=...): the same actions as
 * /api/admin/v2, authenticated by an OAuth 2.0 access token instead of the key's hash. A token that
 * is not live names no grant, so failed ones are throttled per client address.
 */
export async function handleWorksectionOAuth(request: Request): Promise<Response> {
  let result: TWorksectionResult;
  try {
    const { params } = await readWorksectionRequest(request, maxBodyBytes(env()));
    const check = await beginCredentialCheck(request);
    if (check.isLocked) return tooManyAttempts(check.retryAfterS, NO_STORE);
    const token = bearerOf(request, params);
    const caller = token ? await authenticateAccessToken(token) : null;
    if (!caller) {
      await check.failed();
      throw new WorksectionError("bad_token");
    }
    const needed = NEEDS[params.get("action")?.trim() ?? ""] ?? ["administrative"];
    if (!grantsAny(caller.scopes, needed)) throw new WorksectionError("insufficient_scope", `Needs ${needed.join(" or ")} (or administrative)`);
    const actor = { kind: "oauth", tokenId: caller.tokenId, appId: caller.appId, scopes: caller.scopes } as const;
    const ctx = workspaceContext(await getDb(), caller.workspace, actor, requestClientAddress(request));
    result = { status: 200, body: await runWorksectionAction(ctx, params) };
  } catch (error) {
    result = toWorksectionResult(error);
  }
  const challenge = { 401: 'Bearer error="invalid_token"', 403: 'Bearer error="insufficient_scope"' }[result.status];
  return worksectionResponse(result, { ...NO_STORE, ...(challenge ? { "www-authenticate": challenge } : {}) });
}
