import { useMutation } from "@tanstack/react-query";
import { fetchDelivery } from "../client/deliveries-api";
import { fetchEvent } from "../client/events-api";

export type TFound = { kind: "delivery" | "event"; id: string } | null;

const exists = (read: Promise<unknown>) =>
  read.then(
    () => true,
    () => false,
  );

/**
 * What the pasted ids name: the first candidate that is a delivery, else the first that is an event
 * (receivers log the body's id, the event id, as often as the Delivery header), else null.
 */
async function findById(candidates: string[]): Promise<TFound> {
  for (const id of candidates) if (await exists(fetchDelivery(id))) return { kind: "delivery", id };
  for (const id of candidates) if (await exists(fetchEvent(id))) return { kind: "event", id };
  return null;
}

/** Tries UUIDs found in a pasted log line, in order, as deliveries and then as events (variables: the candidates). */
export function useFindById() {
  return useMutation({ mutationFn: findById });
}
