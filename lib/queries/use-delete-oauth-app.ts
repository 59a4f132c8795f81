import { useMutation, useQueryClient } from "@tanstack/react-query";
import { destroyOAuthApp } from "../client/oauth-apps-api";
import { oauthAppKeys } from "./keys";

/** Variables: the application's id. */
export function useDeleteOAuthApp() {
  const client = useQueryClient();
  return useMutation({ mutationFn: destroyOAuthApp, onSettled: () => client.invalidateQueries({ queryKey: oauthAppKeys.all }) });
}
