import { useQuery } from "@tanstack/react-query";
import { fetchProjects } from "../client/catalog-api";
import { catalogKeys } from "./keys";

export function useProjects() {
  return useQuery({ queryKey: catalogKeys.projects, queryFn: ({ signal }) => fetchProjects(signal), staleTime: 60_000 });
}
