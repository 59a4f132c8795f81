import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import type { TWebhookPage } from "../client/webhooks";
import { webhookKeys } from "./keys";

type Options<TVars, TResult> = {
  mutationFn: (vars: TVars) => Promise<TResult>;
  /** How every cached list page looks if the mutation succeeds. */
  applyToPage: (page: TWebhookPage, vars: TVars) => TWebhookPage;
  onError?: (error: Error, vars: TVars) => void;
  onSuccess?: (result: TResult, vars: TVars) => void;
};

/**
 * Optimistic edits of the webhook list (toggles, deletes): apply at once, roll back every touched
 * list on error, re-fetch lists either way.
 */
export function useWebhookListMutation<TVars, TResult>({ mutationFn, applyToPage, onError, onSuccess }: Options<TVars, TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onMutate: async (vars: TVars) => {
      await client.cancelQueries({ queryKey: webhookKeys.lists() });
      const previous = client.getQueriesData<TWebhookPage>({ queryKey: webhookKeys.lists() });
      client.setQueriesData<TWebhookPage>({ queryKey: webhookKeys.lists() }, (page) => (page ? applyToPage(page, vars) : page));
      return { previous };
    },
    onError: (error, vars, context) => {
      for (const [key, data] of (context?.previous ?? []) as [QueryKey, TWebhookPage | undefined][]) client.setQueryData(key, data);
      onError?.(error, vars);
    },
    onSuccess: (result, vars) => onSuccess?.(result, vars),
    onSettled: () => client.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}
