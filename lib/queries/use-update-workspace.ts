import { useMutation, useQueryClient } from "@tanstack/react-query";
import { patchWorkspace } from "../client/workspaces-api";
import type { TWorkspaceUpdate } from "../validation/workspace";
import { workspaceKeys } from "./keys";

/** Variables: the workspace's id and the fields to change (a limit of null removes it). */
export function useUpdateWorkspace() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: TWorkspaceUpdate }) => patchWorkspace(id, patch),
    onSettled: () => client.invalidateQueries({ queryKey: workspaceKeys.lists() }),
  });
}
