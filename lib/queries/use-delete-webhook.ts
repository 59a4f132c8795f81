import { deleteWebhook } from "../client/webhooks";
import { useWebhookListMutation } from "./use-webhook-list-mutation";

export function useDeleteWebhook(handlers: { onError?: (error: Error) => void; onSuccess?: () => void } = {}) {
  return useWebhookListMutation<string, void>({
    mutationFn: deleteWebhook,
    idOf: (id) => id,
    applyToPage: (page, id) => ({ ...page, data: page.data.filter((w) => w.id !== id) }),
    onError: handlers.onError,
    onSuccess: handlers.onSuccess,
  });
}
