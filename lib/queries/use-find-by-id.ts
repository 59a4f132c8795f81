import { useMutation } from "@tanstack/react-query";
import { fetchDelivery } from "../client/deliveries-api";

/** The first of the candidate ids that names a delivery (the first one when none does). */
async function firstExisting(candidates: string[]): Promise<string | undefined> {
  for (const id of candidates) {
    const isThere = await fetchDelivery(id).then(
      () => true,
      () => false,
    );
    if (isThere) return id;
  }
  return candidates[0];
}

/** Tries UUIDs found in a pasted log line, in order, until one is a delivery (variables: the candidates). */
export function useFindDelivery() {
  return useMutation({ mutationFn: firstExisting });
}
