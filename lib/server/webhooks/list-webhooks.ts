import "server-only";
import type { z } from "zod";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { deliveryConfig } from "../../delivery/config";
import { STATUS_WHERE } from "../../delivery/webhook-health";
import type { Prisma } from "../../generated/prisma/client";
import type { ZWebhookListQuery } from "../../validation/webhook";
import { recentStats } from "./recent-stats";
import { toWebhookDto } from "./to-webhook-dto";

type TQuery = z.output<typeof ZWebhookListQuery>;

/** Newest first; `nextCursor` is the id to pass as `cursor` for the next page, null on the last. */
export async function listWebhooks(ctx: TWorkspaceContext, query: TQuery) {
  // Both filters must hold (AND): spread into one object, the status's own `enabled` would replace
  // the enabled filter, and ?enabled=false&status=working would list enabled webhooks.
  const where: Prisma.WebhookWhereInput = {
    AND: [query.enabled ? { enabled: query.enabled === "true" } : {}, query.status ? STATUS_WHERE[query.status] : {}],
  };
  const rows = await ctx.db.webhook.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, query.limit);
  const limit = deliveryConfig().failureLimit;
  const stats = await recentStats(
    ctx,
    page.map((r) => r.id),
  );
  return {
    data: page.map((r) => ({ ...toWebhookDto(r, limit), last24h: stats.get(r.id) ?? null })),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
