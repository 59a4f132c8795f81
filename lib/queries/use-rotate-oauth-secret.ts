import { useMutation, useQueryClient } from "@tanstack/react-query";
import { postRotateOAuthSecret } from "../client/oauth-apps-api";
import { oauthAppKeys } from "./keys";

/** Variables: the application's id. The result holds the new secret, shown once. */
export function useRotateOAuthSecret() {
  const client = useQueryClient();
  return useMutation({ mutationFn: postRotateOAuthSecret, onSettled: () => client.invalidateQueries({ queryKey: oauthAppKeys.all }) });
}
