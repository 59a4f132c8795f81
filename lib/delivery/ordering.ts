import "server-only";
import { Prisma } from "../generated/prisma/client";

// Deliver in order (Webhook.ordered): each delivery of such a webhook carries its ordering key's value
// (Delivery.orderKey) and its place in publish order (orderSeq, from one sequence), written by the
// outbox statement. A delivery is held back while an earlier one of the same webhook and key is not
// final (pending, retrying or in flight): the claim takes only each key's head, so one key never has
// two deliveries in flight, across every worker (claims see each other: claim-deliveries.ts), and a
// delivery that failed for good lets the next one go.

/** SQL: the delivery `alias` is not held back by an earlier one of its key (always true when unordered). */
export function isFreeInOrder(alias: string): Prisma.Sql {
  const d = Prisma.raw(alias);
  return Prisma.sql`(${d}."orderKey" is null or not exists (select 1 from "Delivery" h
    where h."webhookId" = ${d}."webhookId" and h."orderKey" = ${d}."orderKey" and h."orderSeq" < ${d}."orderSeq"
      and h.status in ('pending', 'in_flight')))`;
}

/** The earliest unfinished delivery that holds this one back, or null (not ordered, or its key's head). */
export async function waitingFor(
  db: { $queryRaw: <T>(query: Prisma.Sql) => Promise<T> },
  delivery: { id: string; webhookId: string; orderKey: string | null; orderSeq: bigint | null; status: string },
): Promise<string | null> {
  if (delivery.orderKey === null || delivery.orderSeq === null || delivery.status !== "pending") return null;
  const [head] = await db.$queryRaw<{ id: string }[]>(Prisma.sql`select h.id from "Delivery" h
    where h."webhookId" = ${delivery.webhookId}::uuid and h."orderKey" = ${delivery.orderKey} and h."orderSeq" < ${delivery.orderSeq}
      and h.status in ('pending', 'in_flight')
    order by h."orderSeq" limit 1`);
  return head?.id ?? null;
}

/** How many of a webhook's pending deliveries wait behind an earlier one of their key. */
export async function heldBackCount(db: { $queryRaw: <T>(query: Prisma.Sql) => Promise<T> }, webhookId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>(Prisma.sql`select count(*)::int as n from "Delivery" c
    where c."webhookId" = ${webhookId}::uuid and c.status = 'pending' and c."orderKey" is not null and not ${isFreeInOrder("c")}`);
  return row?.n ?? 0;
}
