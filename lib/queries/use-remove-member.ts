import { useMutation, useQueryClient } from "@tanstack/react-query";
import { destroyMember } from "../client/workspaces-api";
import { workspaceKeys } from "./keys";

/** Variables: the member's email. */
export function useRemoveMember(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (email: string) => destroyMember(workspaceId, email),
    onSettled: () => client.invalidateQueries({ queryKey: workspaceKeys.members(workspaceId) }),
  });
}
