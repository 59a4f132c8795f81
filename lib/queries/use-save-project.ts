import { useMutation, useQueryClient } from "@tanstack/react-query";
import { patchProject, postProject } from "../client/catalog-api";
import { catalogKeys } from "./keys";

/** Adds a project (POST), or renames one by its id (PATCH, when `isRename`); the projects re-read. */
export function useSaveProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name, isRename }: { id: string; name: string; isRename?: boolean }) => (isRename ? patchProject(id, name) : postProject({ id, name })),
    onSettled: () => client.invalidateQueries({ queryKey: catalogKeys.projects }),
  });
}
