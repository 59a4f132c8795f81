import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";
import { UUID_PATTERN } from "../../validation/workspace";

export type TEntityKind = "webhook" | "delivery" | "event";

/**
 * Which of the user's workspaces (as an admin) holds a webhook, delivery or event: a shared link to
 * one opens it in its workspace. Null when none of theirs does: then it is not found, exactly as an
 * id that does not exist.
 */
export async function adminWorkspaceOf(prisma: PrismaClient, userId: string, kind: TEntityKind, id: string): Promise<string | null> {
  if (!UUID_PATTERN.test(id)) return null;
  const where = { id, workspace: { memberships: { some: { userId, role: "ADMIN" as const } } } };
  const select = { workspaceId: true } as const;
  const row =
    kind === "webhook"
      ? await prisma.webhook.findFirst({ where, select })
      : kind === "delivery"
        ? await prisma.delivery.findFirst({ where, select })
        : await prisma.event.findFirst({ where, select });
  return row?.workspaceId ?? null;
}
