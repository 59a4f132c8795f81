import { destroyWebhook } from "../client/webhooks-api";
import { useWebhookListMutation } from "./use-webhook-list-mutation";

export function useDeleteWebhook(handlers: { onError?: (error: Error) => void; onSuccess?: () => void } = {}) {
  return useWebhookListMutation<string, void>({
    mutationFn: destroyWebhook,
    idOf: (id) => id,
    applyToPage: (page, id) => ({ ...page, data: page.data.filter((w) => w.id !== id) }),
    onError: handlers.onError,
    onSuccess: handlers.onSuccess,
  });
}
