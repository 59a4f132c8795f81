import { useQuery } from "@tanstack/react-query";
import { fetchMembers } from "../client/workspaces-api";
import { workspaceKeys } from "./keys";

/** A workspace's members; mounted only when its card is expanded, so a long list reads none up front. */
export function useWorkspaceMembers(workspaceId: string) {
  return useQuery({ queryKey: workspaceKeys.members(workspaceId), queryFn: ({ signal }) => fetchMembers(workspaceId, signal) });
}
