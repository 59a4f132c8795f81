import { useMutation, useQueryClient } from "@tanstack/react-query";
import { patchOAuthApp } from "../client/oauth-apps-api";
import type { TOAuthAppUpdate } from "../validation/oauth";
import { oauthAppKeys } from "./keys";

/** Renames an application or replaces its redirect URIs; the list re-reads. */
export function useUpdateOAuthApp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TOAuthAppUpdate }) => patchOAuthApp(id, body),
    onSettled: () => client.invalidateQueries({ queryKey: oauthAppKeys.all }),
  });
}
