import { useMutationState } from "@tanstack/react-query";
import { webhookKeys } from "./keys";
import type { TToggleVars } from "./use-toggle-webhook";

/** The webhooks whose enable is running now (its test has not answered): from the pending toggles themselves. */
export function useEnablesTesting(): ReadonlySet<string> {
  const pending = useMutationState({
    filters: { mutationKey: webhookKeys.toggle(), status: "pending" },
    select: (mutation) => mutation.state.variables as TToggleVars | undefined,
  });
  return new Set(pending.flatMap((v) => (v?.isEnabled ? [v.id] : [])));
}
