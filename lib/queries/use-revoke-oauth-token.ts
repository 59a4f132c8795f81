import { useMutation, useQueryClient } from "@tanstack/react-query";
import { destroyOAuthToken } from "../client/oauth-apps-api";
import { oauthAppKeys } from "./keys";

/** Variables: the token's id. */
export function useRevokeOAuthToken() {
  const client = useQueryClient();
  return useMutation({ mutationFn: destroyOAuthToken, onSettled: () => client.invalidateQueries({ queryKey: oauthAppKeys.all }) });
}
