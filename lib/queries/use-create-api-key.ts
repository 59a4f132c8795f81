import { useMutation, useQueryClient } from "@tanstack/react-query";
import { postApiKey } from "../client/api-keys-api";
import { apiKeyKeys } from "./keys";

/** Variables: the key's name and scopes; the result holds the key itself, shown once. */
export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({ mutationFn: postApiKey, onSettled: () => client.invalidateQueries({ queryKey: apiKeyKeys.all }) });
}
