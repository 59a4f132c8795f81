import { useMutation, useQueryClient } from "@tanstack/react-query";
import { postOAuthApp } from "../client/oauth-apps-api";
import { oauthAppKeys } from "./keys";

/** Variables: name, redirect URIs, scopes; the result holds the client secret, shown once. */
export function useCreateOAuthApp() {
  const client = useQueryClient();
  return useMutation({ mutationFn: postOAuthApp, onSettled: () => client.invalidateQueries({ queryKey: oauthAppKeys.all }) });
}
