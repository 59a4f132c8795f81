import { useMutation, useQueryClient } from "@tanstack/react-query";
import { destroyApiKey } from "../client/api-keys-api";
import { apiKeyKeys } from "./keys";

/** Variables: the key's id. */
export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({ mutationFn: destroyApiKey, onSettled: () => client.invalidateQueries({ queryKey: apiKeyKeys.all }) });
}
