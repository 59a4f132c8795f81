import "server-only";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { DomainError } from "../../errors/domain-error";
import { ZWebhookId } from "../../validation/webhook";
import { deleteWebhook } from "../webhooks/delete-webhook";
import { WorksectionError } from "./worksection-error";

/** delete_webhook: an id Hookline never gave (not a UUID) is as unknown as a deleted one. */
export async function deleteWebhookAction(ctx: TWorkspaceContext, params: ReadonlyMap<string, string>): Promise<Record<string, never>> {
  const id = params.get("id")?.trim();
  if (!id) throw new WorksectionError("required", "id");
  if (!ZWebhookId.safeParse({ id }).success) throw new WorksectionError("not_found", id);
  try {
    await deleteWebhook(ctx, id);
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") throw new WorksectionError("not_found", id);
    throw error;
  }
  return {};
}
