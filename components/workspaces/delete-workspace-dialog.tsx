"use client";

import { useEffect, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { ApiClientError } from "@/lib/client/api-client";
import { useDeleteWorkspace } from "@/lib/queries/use-delete-workspace";
import type { TWorkspace } from "@/lib/validation/workspace";

type Props = { workspace: TWorkspace; isOpen: boolean; onClose: () => void };

/** "3 webhooks" out of the server's has_webhooks message; null when it says it otherwise. */
const webhookCount = (message: string) => /\b(\d+) webhooks?\b/.exec(message)?.[0] ?? null;

/**
 * Deleting asks twice when it matters: the plain delete is refused while the workspace has webhooks
 * (a slip must not end a customer's deliveries), and only then does the dialog offer to take them
 * too. It stays open while the request runs, so the refusal can turn it into that second question.
 */
export function DeleteWorkspaceDialog({ workspace, isOpen, onClose }: Props) {
  const toast = useToast();
  const remove = useDeleteWorkspace();
  // The server's has_webhooks message, once it has refused the plain delete.
  const [refusal, setRefusal] = useState<string | null>(null);
  // Focus leaves the button that now reads "Delete with its webhooks" for the explanation, so a
  // second Enter cannot take the webhooks before the operator has read why it was asked.
  const explanationRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (refusal !== null) explanationRef.current?.focus();
  }, [refusal]);

  const close = () => {
    setRefusal(null);
    onClose();
  };
  const onConfirm = () => {
    if (remove.isPending) return;
    remove.mutate(
      { id: workspace.id, isForced: refusal !== null },
      {
        onSuccess: () => {
          toast.success(`Workspace “${workspace.name}” deleted`);
          close();
        },
        onError: (e) => {
          if (e instanceof ApiClientError && e.code === "has_webhooks" && refusal === null) return setRefusal(e.message);
          toast.error(`Could not delete “${workspace.name}”: ${e.message}`);
          close();
        },
      },
    );
  };

  const count = refusal === null ? null : webhookCount(refusal);
  return (
    <ConfirmDialog
      isOpen={isOpen}
      title={refusal === null ? `Delete the workspace “${workspace.name}”?` : `“${workspace.name}” still has webhooks`}
      confirmLabel={remove.isPending ? "Deleting…" : refusal === null ? "Delete" : "Delete with its webhooks"}
      isDanger
      onCancel={close}
      onConfirm={onConfirm}
    >
      {refusal === null ? (
        "Its memberships, API keys, OAuth applications, webhooks and delivery log go with it, and its admins can no longer sign in to it. This cannot be undone."
      ) : (
        <p ref={explanationRef} role="alert" tabIndex={-1} className="focus:outline-none">
          {count ? `It has ${count}.` : refusal} Deleting it now deletes them too: the customer&apos;s endpoints stop receiving events at once, and their
          delivery log is gone. This cannot be undone.
        </p>
      )}
    </ConfirmDialog>
  );
}
