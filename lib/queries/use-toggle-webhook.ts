import { postWebhookEnabled } from "../client/webhooks-api";
import { webhookStatus } from "../validation/webhook-status";
import { webhookKeys } from "./keys";
import { useWebhookListMutation } from "./use-webhook-list-mutation";

export type TToggleVars = { id: string; isEnabled: boolean };
type TVars = TToggleVars;

/**
 * Enable or disable a webhook. A disable shows at once; an enable does not (the server tests the URL
 * first and may refuse): the row shows nothing new until the answer, while the caller shows "Testing…".
 */
export function useToggleWebhook(handlers: { onError?: (error: Error, vars: TVars) => void; onSuccess?: (vars: TVars) => void } = {}) {
  return useWebhookListMutation<TVars, unknown>({
    mutationKey: webhookKeys.toggle(),
    mutationFn: ({ id, isEnabled }) => postWebhookEnabled(id, isEnabled),
    idOf: ({ id }) => id,
    applyToPage: (page, { id, isEnabled }) =>
      isEnabled
        ? page
        : {
            ...page,
            data: page.data.map((w) =>
              w.id === id ? { ...w, enabled: false, status: webhookStatus({ enabled: false, consecutiveFailures: w.consecutiveFailures }) } : w,
            ),
          },
    onError: handlers.onError,
    onSuccess: (_r, vars) => handlers.onSuccess?.(vars),
  });
}
