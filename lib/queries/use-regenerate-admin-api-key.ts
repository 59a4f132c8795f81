import { useMutation } from "@tanstack/react-query";
import { postRegenerateAdminApiKey } from "../client/admin-api-key-api";

/** Makes or replaces the administrative key; the answer holds the new key (nothing cached to invalidate). */
export function useRegenerateAdminApiKey() {
  return useMutation({ mutationFn: postRegenerateAdminApiKey });
}
