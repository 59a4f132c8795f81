import { useQuery } from "@tanstack/react-query";
import { fetchEventTypes, fetchProjects } from "../client/webhooks";
import { catalogKeys } from "./keys";

// The catalog changes rarely: keep it for the whole visit.
export function useEventTypes() {
  return useQuery({ queryKey: catalogKeys.eventTypes, queryFn: ({ signal }) => fetchEventTypes(signal), staleTime: 5 * 60_000 });
}

export function useProjects() {
  return useQuery({ queryKey: catalogKeys.projects, queryFn: ({ signal }) => fetchProjects(signal), staleTime: 60_000 });
}
