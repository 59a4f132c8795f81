import "server-only";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { DomainError } from "../../errors/domain-error";
import { ZWebhookId } from "../../validation/webhook";
import { deleteWebhook } from "../webhooks/delete-webhook";
import { required, webhookNotFound } from "./refusals";

/** delete_webhook: an id Hookline never gave (not a UUID) is as unknown as a deleted one. */
export async function deleteWebhookAction(ctx: TWorkspaceContext, params: ReadonlyMap<string, string>): Promise<Record<string, never>> {
  const id = params.get("id")?.trim();
  if (!id) throw required("id");
  if (!ZWebhookId.safeParse({ id }).success) throw webhookNotFound(id);
  try {
    await deleteWebhook(ctx, id);
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") throw webhookNotFound(id);
    throw error;
  }
  return {};
}
