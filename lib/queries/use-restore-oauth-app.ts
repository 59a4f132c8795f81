import { useMutation, useQueryClient } from "@tanstack/react-query";
import { postRestoreOAuthApp } from "../client/oauth-apps-api";
import { oauthAppKeys } from "./keys";

/** Variables: the application's id. */
export function useRestoreOAuthApp() {
  const client = useQueryClient();
  return useMutation({ mutationFn: postRestoreOAuthApp, onSettled: () => client.invalidateQueries({ queryKey: oauthAppKeys.all }) });
}
