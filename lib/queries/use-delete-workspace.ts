import { useMutation, useQueryClient } from "@tanstack/react-query";
import { destroyWorkspace } from "../client/workspaces-api";
import { workspaceKeys } from "./keys";

/**
 * Variables: the id, and isForced to take its webhooks with it. Not optimistic: the server may
 * refuse (has_webhooks), and the row must stay for the dialog that offers the forced delete.
 */
export function useDeleteWorkspace() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, isForced = false }: { id: string; isForced?: boolean }) => destroyWorkspace(id, { isForced }),
    onSuccess: (_, { id }) => client.removeQueries({ queryKey: workspaceKeys.members(id) }),
    onSettled: () => client.invalidateQueries({ queryKey: workspaceKeys.lists() }),
  });
}
