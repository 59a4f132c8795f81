import { useMutation, useQueryClient } from "@tanstack/react-query";
import { postEventType } from "../client/catalog-api";
import { catalogKeys } from "./keys";

/** Registers a workspace's own event type; the catalog (pickers, filters) re-reads. */
export function useCreateEventType() {
  const client = useQueryClient();
  return useMutation({ mutationFn: postEventType, onSettled: () => client.invalidateQueries({ queryKey: catalogKeys.eventTypes }) });
}
