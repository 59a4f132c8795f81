import { useMutation, useQueryClient } from "@tanstack/react-query";
import { postMember, type TMembershipAdd } from "../client/workspaces-api";
import { workspaceKeys } from "./keys";

/** Adds an existing user to the workspace, or changes a member's role (the server's one upsert). */
export function useAddMember(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TMembershipAdd) => postMember(workspaceId, body),
    onSettled: () => client.invalidateQueries({ queryKey: workspaceKeys.members(workspaceId) }),
  });
}
