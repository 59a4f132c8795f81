import "server-only";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { DomainError } from "../../errors/domain-error";
import { unstorableStringReason } from "../../validation/storable-json";
import type { TWorksectionOk, TWorksectionParams } from "../../validation/worksection";
import { addWebhookAction } from "./add-webhook-action";
import { deleteWebhookAction } from "./delete-webhook-action";
import { getWebhooksAction } from "./get-webhooks-action";
import { unknownAction } from "./refusals";

// Worksection's webhook actions, whoever authenticated the caller: /api/admin/v2 (the `hash` of
// a workspace's administrative key) calls this after checking it, and an OAuth-authenticated
// /api/oauth2 route can call it the same way, each with the context of the workspace the credential
// belongs to. Authentication is the caller's job; nothing here checks it.

type TAction = (ctx: TWorkspaceContext, params: ReadonlyMap<string, string>) => Promise<Record<string, unknown>>;

// A Map, not an object: an action named "constructor" or "__proto__" is simply unknown.
const ACTIONS = new Map<string, TAction>([
  ["add_webhook", addWebhookAction],
  ["get_webhooks", (ctx) => getWebhooksAction(ctx)],
  ["delete_webhook", deleteWebhookAction],
]);

/**
 * Runs `action` with its parameters (`hash`, and any parameter an action does not use, such as
 * Worksection's `page`, are ignored) and answers Worksection's `{ status: "ok", ... }`. What it
 * refuses it throws as DomainErrors (./refusals.ts), which the API layer answers in Worksection's shape.
 */
export async function runWorksectionAction(ctx: TWorkspaceContext, params: TWorksectionParams): Promise<TWorksectionOk> {
  const map: ReadonlyMap<string, string> = params instanceof Map ? params : new Map(Object.entries(params));
  // A NUL or a lone surrogate could not even be compared by PostgreSQL: refused by name first.
  for (const [name, value] of map) {
    const reason = unstorableStringReason(value);
    if (reason) throw DomainError.invalid(name.slice(0, 100), reason);
  }
  const name = map.get("action")?.trim() ?? "";
  const action = ACTIONS.get(name);
  if (!action) throw unknownAction(name);
  return { status: "ok", ...(await action(ctx, map)) };
}
