import { useMutation } from "@tanstack/react-query";
import { fetchAdminApiKey } from "../client/admin-api-key-api";

/** Reads the administrative key on demand: a mutation, not a query, so the secret is never cached. */
export function useRevealAdminApiKey() {
  return useMutation({ mutationFn: fetchAdminApiKey });
}
