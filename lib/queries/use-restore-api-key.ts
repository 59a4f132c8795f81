import { useMutation, useQueryClient } from "@tanstack/react-query";
import { postRestoreApiKey } from "../client/api-keys-api";
import { apiKeyKeys } from "./keys";

/** Variables: the key's id. */
export function useRestoreApiKey() {
  const client = useQueryClient();
  return useMutation({ mutationFn: postRestoreApiKey, onSettled: () => client.invalidateQueries({ queryKey: apiKeyKeys.all }) });
}
