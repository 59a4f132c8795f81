import "server-only";
import { getDb } from "../../db";
import { recordInstallationAudit, type TAuditSource } from "../../db/audited-change";
import { DomainError } from "../../errors/domain-error";
import { clientForAdmin } from "./describe-authorization";
import { decideAuthorization } from "./oauth-server";

/**
 * The consent page's Approve or Deny, by an admin of the application's workspace (which decides,
 * not the session's current one: for anyone else the application does not exist), recorded in that
 * workspace's audit log (a refusal too: someone was asked and said no).
 */
export async function decideConsent(
  source: TAuditSource & { actor: { kind: "session"; userId: string } },
  params: Record<string, string>,
  isApproved: boolean,
): Promise<{ redirectTo: string } | { error: string; description: string }> {
  const app = await clientForAdmin(source.actor.userId, params.client_id ?? "");
  if (!app) throw new DomainError("invalid", "invalid_client", "No application has this client_id");
  const result = await decideAuthorization(params, { id: source.actor.userId }, isApproved);
  if (!("error" in result) || !isApproved)
    await recordInstallationAudit(await getDb(), source, {
      workspaceId: app.workspaceId,
      action: isApproved ? "oauth.consent_granted" : "oauth.consent_denied",
      target: { type: "oauth_app", id: app.id, name: app.name },
      changes: { scope: params.scope ?? null },
    });
  return result;
}
