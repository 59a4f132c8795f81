import { postWebhookEnabled } from "../client/webhooks-api";
import { webhookStatus } from "../validation/webhook-status";
import { useWebhookListMutation } from "./use-webhook-list-mutation";

type TVars = { id: string; isEnabled: boolean };

/** Enable or disable a webhook; its row shows the new state at once. */
export function useToggleWebhook(handlers: { onError?: (error: Error, vars: TVars) => void; onSuccess?: (vars: TVars) => void } = {}) {
  return useWebhookListMutation<TVars, unknown>({
    mutationFn: ({ id, isEnabled }) => postWebhookEnabled(id, isEnabled),
    idOf: ({ id }) => id,
    applyToPage: (page, { id, isEnabled }) => ({
      ...page,
      data: page.data.map((w) => {
        if (w.id !== id) return w;
        // Enabling resets the failure count on the server (lib/server/webhooks/set-webhook-enabled.ts).
        const consecutiveFailures = isEnabled ? 0 : w.consecutiveFailures;
        return { ...w, enabled: isEnabled, consecutiveFailures, status: webhookStatus({ enabled: isEnabled, consecutiveFailures }) };
      }),
    }),
    onError: handlers.onError,
    onSuccess: (_r, vars) => handlers.onSuccess?.(vars),
  });
}
