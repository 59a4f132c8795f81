import { setWebhookEnabled } from "../client/webhooks";
import { useWebhookListMutation } from "./use-webhook-list-mutation";

type TVars = { id: string; isEnabled: boolean };

export function useToggleWebhook(handlers: { onError?: (error: Error, vars: TVars) => void; onSuccess?: (vars: TVars) => void } = {}) {
  return useWebhookListMutation<TVars, unknown>({
    mutationFn: ({ id, isEnabled }) => setWebhookEnabled(id, isEnabled),
    idOf: ({ id }) => id,
    applyToPage: (page, { id, isEnabled }) => ({
      ...page,
      data: page.data.map((w) =>
        w.id === id ? { ...w, enabled: isEnabled, status: isEnabled ? (w.consecutiveFailures > 0 ? "failing" : "working") : "disabled" } : w,
      ),
    }),
    onError: handlers.onError,
    onSuccess: (_r, vars) => handlers.onSuccess?.(vars),
  });
}
