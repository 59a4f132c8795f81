import "server-only";
import type { z } from "zod";
import type { TWorkspaceContext } from "../../db/workspace-context";
import type { Prisma } from "../../generated/prisma/client";
import type { ZDeliveryListQuery } from "../../validation/delivery";
import { decodeCursor, encodeCursor } from "../keyset-cursor";
import { DELIVERY_ROW_INCLUDE, toDeliveryDto } from "./to-delivery-dto";

type TQuery = z.output<typeof ZDeliveryListQuery>;

// Keyset pagination (lib/server/keyset-cursor.ts) on (createdAt desc, id desc).

const CLASS_WHERE: Record<NonNullable<TQuery["statusClass"]>, Prisma.DeliveryWhereInput> = {
  "2xx": { lastStatusCode: { gte: 200, lt: 300 } },
  "3xx": { lastStatusCode: { gte: 300, lt: 400 } },
  "4xx": { lastStatusCode: { gte: 400, lt: 500 } },
  "5xx": { lastStatusCode: { gte: 500, lt: 600 } },
  none: { lastStatusCode: null },
};

export async function listDeliveries(ctx: TWorkspaceContext, query: TQuery) {
  const filters: Prisma.DeliveryWhereInput[] = [];
  if (query.webhookId) filters.push({ webhookId: query.webhookId });
  if (query.event) filters.push({ event: { type: query.event } });
  if (query.status === "parked") filters.push({ status: "pending", webhook: { enabled: false } });
  else if (query.status) filters.push({ status: query.status });
  if (query.statusClass) filters.push(CLASS_WHERE[query.statusClass]);
  if (query.statusCode !== undefined) filters.push({ lastStatusCode: query.statusCode });
  if (query.errorClass) filters.push({ lastErrorClass: query.errorClass });
  if (query.since) filters.push({ createdAt: { gte: new Date(query.since) } });
  if (query.until) filters.push({ createdAt: { lt: new Date(query.until) } });
  if (query.cursor) {
    const { at: createdAt, id } = decodeCursor(query.cursor);
    // (createdAt, id) < (X, Y), spelled so the index can seek: "createdAt <= X" bounds the scan, the
    // OR only filters the rows at X. (The OR alone made PostgreSQL read from the newest row down.)
    filters.push({ createdAt: { lte: createdAt } }, { OR: [{ createdAt: { lt: createdAt } }, { id: { lt: id } }] });
  }
  const rows = await ctx.db.delivery.findMany({
    where: { AND: filters },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: DELIVERY_ROW_INCLUDE,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { data: page.map(toDeliveryDto), nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}
