import { useMutation, useQueryClient } from "@tanstack/react-query";
import { postWorkspace } from "../client/workspaces-api";
import { workspaceKeys } from "./keys";

export function useCreateWorkspace() {
  const client = useQueryClient();
  return useMutation({ mutationFn: postWorkspace, onSettled: () => client.invalidateQueries({ queryKey: workspaceKeys.lists() }) });
}
