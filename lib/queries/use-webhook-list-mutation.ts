import { type InfiniteData, type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import type { TWebhookPage } from "../client/webhooks-api";
import type { TWebhook } from "../validation/webhook";
import { webhookKeys } from "./keys";

type TPages = InfiniteData<TWebhookPage, string | undefined>;

type Options<TVars, TResult> = {
  /** Names the mutation, so that what is in flight can be read elsewhere (useMutationState). */
  mutationKey?: readonly unknown[];
  mutationFn: (vars: TVars) => Promise<TResult>;
  /** The webhook the mutation is about. */
  idOf: (vars: TVars) => string;
  /** How a cached list page looks if the mutation succeeds. */
  applyToPage: (page: TWebhookPage, vars: TVars) => TWebhookPage;
  onError?: (error: Error, vars: TVars) => void;
  onSuccess?: (result: TResult, vars: TVars) => void;
};

/** Where one row sat in one cached list, and how it looked, before an optimistic change. */
type TRowSnapshot = { key: QueryKey; pageIndex: number; rowIndex: number; row: TWebhook };

function putBack(data: TPages | undefined, { pageIndex, rowIndex, row }: TRowSnapshot): TPages | undefined {
  if (!data) return data;
  const pages = data.pages.map((page, i) => {
    if (i !== pageIndex) return page;
    const rows = page.data.filter((w) => w.id !== row.id);
    rows.splice(Math.min(rowIndex, rows.length), 0, row);
    return { ...page, data: rows };
  });
  return { ...data, pages };
}

/**
 * Optimistic edits of the webhook list (toggles, deletes): apply at once; on error put back only
 * the row this mutation changed (another toggle in flight on another row keeps its own state);
 * re-fetch either way.
 */
export function useWebhookListMutation<TVars, TResult>({ mutationKey, mutationFn, idOf, applyToPage, onError, onSuccess }: Options<TVars, TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationKey,
    mutationFn,
    onMutate: async (vars: TVars) => {
      await client.cancelQueries({ queryKey: webhookKeys.lists() });
      const id = idOf(vars);
      const snapshots: TRowSnapshot[] = [];
      for (const [key, data] of client.getQueriesData<TPages>({ queryKey: webhookKeys.lists() })) {
        data?.pages.forEach((page, pageIndex) => {
          const rowIndex = page.data.findIndex((w) => w.id === id);
          const row = page.data[rowIndex];
          if (row) snapshots.push({ key, pageIndex, rowIndex, row });
        });
      }
      client.setQueriesData<TPages>({ queryKey: webhookKeys.lists() }, (data) =>
        data ? { ...data, pages: data.pages.map((page) => applyToPage(page, vars)) } : data,
      );
      return { snapshots };
    },
    onError: (error, vars, context) => {
      for (const snapshot of context?.snapshots ?? []) client.setQueryData<TPages>(snapshot.key, (data) => putBack(data, snapshot));
      onError?.(error, vars);
    },
    onSuccess: (result, vars) => onSuccess?.(result, vars),
    onSettled: () => client.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}
