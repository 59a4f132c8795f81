import "server-only";
import { ApiError } from "../api/api-error";
import { openDb, type PrismaClient } from "../db";
import { Prisma } from "../generated/prisma/client";
import { type TPublishEvent, type TPublished, ZPublishEvent } from "../validation/event";
import { deliveryConfig } from "./config";
import { NOTIFY_CHANNEL, wakeWorkers } from "./wakeup";

type Tx = Prisma.TransactionClient;

/** Enabled webhooks subscribed to this type and project ("no project" matches only all-projects webhooks). */
async function matchingWebhookIds(tx: Tx, type: string, projectId: string | null): Promise<string[]> {
  const rows = await tx.webhook.findMany({
    where: {
      enabled: true,
      OR: [{ allEvents: true }, { events: { has: type } }],
      AND: [{ OR: projectId ? [{ projects: { isEmpty: true } }, { projects: { has: projectId } }] : [{ projects: { isEmpty: true } }] }],
    },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

async function existingResult(tx: Tx | PrismaClient, key: string): Promise<TPublished | null> {
  const found = await tx.event.findUnique({ where: { idempotencyKey: key }, select: { id: true, _count: { select: { deliveries: true } } } });
  return found ? { id: found.id, deliveries: found._count.deliveries, isDuplicate: true } : null;
}

/**
 * The transactional outbox: one transaction writes the Event and one pending Delivery per matching
 * enabled webhook, so there is never an event without its deliveries or the reverse. Unknown types,
 * oversized data and bad input are refused before anything is written.
 */
export async function publishEvent(input: TPublishEvent, options: { now?: Date; afterWrite?: (tx: Tx) => Promise<void> } = {}): Promise<TPublished> {
  const { event: type, projectId, data, idempotencyKey } = ZPublishEvent.parse(input);
  const size = Buffer.byteLength(JSON.stringify(data));
  const { maxPayloadBytes } = deliveryConfig();
  if (size > maxPayloadBytes) throw new ApiError(413, "too_large", `data is ${size} bytes; the limit is ${maxPayloadBytes} (HOOKLINE_MAX_PAYLOAD_BYTES)`);
  const database = await openDb();
  const db = database.prisma;
  const now = options.now ?? new Date();
  try {
    const result = await db.$transaction(async (tx) => {
      if (idempotencyKey) {
        const seen = await existingResult(tx, idempotencyKey);
        if (seen) return seen;
      }
      if (!(await tx.eventType.findUnique({ where: { name: type }, select: { name: true } })))
        throw ApiError.invalid("event", `Unknown event type "${type}": register it with POST /api/v1/event-types`);
      // An event naming an unknown project creates it (name = id until renamed).
      if (projectId) await tx.project.upsert({ where: { id: projectId }, create: { id: projectId, name: projectId }, update: {} });
      const event = await tx.event.create({
        data: { type, projectId: projectId ?? null, payload: data as Prisma.InputJsonValue, occurredAt: now, idempotencyKey: idempotencyKey ?? null },
        select: { id: true },
      });
      const webhookIds = await matchingWebhookIds(tx, type, projectId ?? null);
      if (webhookIds.length) {
        await tx.delivery.createMany({ data: webhookIds.map((webhookId) => ({ webhookId, eventId: event.id, nextAttemptAt: now, createdAt: now })) });
        // Delivered at commit, only if it commits: standalone workers LISTEN on this channel.
        if (database.kind === "postgres") await tx.$executeRaw`select pg_notify(${NOTIFY_CHANNEL}, '')`;
      }
      await options.afterWrite?.(tx);
      return { id: event.id, deliveries: webhookIds.length, isDuplicate: false };
    });
    if (result.deliveries > 0 && !result.isDuplicate) wakeWorkers();
    return result;
  } catch (error) {
    // Two publishes with one key raced: the loser returns the winner's result.
    if (idempotencyKey && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const seen = await existingResult(db, idempotencyKey);
      if (seen) return seen;
    }
    throw error;
  }
}
