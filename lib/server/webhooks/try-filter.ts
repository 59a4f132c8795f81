import "server-only";
import { randomUUID } from "node:crypto";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { envelopeObject } from "../../delivery/build-request";
import { DomainError } from "../../errors/domain-error";
import { matchesFilter, type TFilterTry, type TFilterTryResult, ZFilterTry } from "../../validation/payload-filter";
import { getEventType } from "../event-types/event-types";

/**
 * "Try it": runs a payload filter on an envelope made from the event type's example (or the data
 * pasted in its place), with the very function the outbox uses (matchesFilter), so the answer is
 * the one a publish would get. Nothing is written.
 */
export async function tryFilter(ctx: TWorkspaceContext, input: TFilterTry): Promise<TFilterTryResult> {
  const { filter, event, projectId, data } = ZFilterTry.parse(input);
  const type = await getEventType(ctx, event).catch((error: unknown) => {
    if (error instanceof DomainError && error.kind === "not_found") throw DomainError.invalid("event", `Unknown event type "${event}"`);
    throw error;
  });
  if (data === undefined && type.example === null) throw DomainError.invalid("data", `${event} has no example: paste the data to try the filter on`);
  const envelope = envelopeObject({ id: randomUUID(), type: event, occurredAt: new Date(), projectId: projectId ?? null, payload: data ?? type.example });
  return { matches: matchesFilter(filter, envelope), envelope };
}
