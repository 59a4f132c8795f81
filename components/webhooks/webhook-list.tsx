"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { WebhookIcon } from "@/components/ui/icons";
import { useToast } from "@/components/ui/toast";
import { useDeleteWebhook } from "@/lib/queries/use-delete-webhook";
import { useEnablesTesting } from "@/lib/queries/use-enables-testing";
import { useProjects } from "@/lib/queries/use-projects";
import { useToggleWebhook } from "@/lib/queries/use-toggle-webhook";
import { useWebhooks } from "@/lib/queries/use-webhooks";
import type { TWebhook } from "@/lib/validation/webhook";
import { WebhookRow } from "./webhook-row";

export function NewWebhookLink() {
  return (
    <Link href="/settings/webhooks/new" className={buttonClass("primary")}>
      Create webhook
    </Link>
  );
}

export function WebhookList() {
  const toast = useToast();
  const webhooks = useWebhooks();
  const projects = useProjects();
  const [toggleErrors, setToggleErrors] = useState<Record<string, string>>({});
  // Webhooks whose enable is being tested (each row its own: several may be in flight).
  const testing = useEnablesTesting();
  const [deleting, setDeleting] = useState<TWebhook | null>(null);
  // Where focus goes once a deleted row is gone (its Delete button, the dialog's opener, went with it).
  const [focusAfterDelete, setFocusAfterDelete] = useState<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const toggle = useToggleWebhook({
    onError: (error, { id, isEnabled }) => {
      setToggleErrors((e) => ({ ...e, [id]: error.message }));
      // A failed enable says so once, on its row (EnableError); a failed disable has no row message.
      if (!isEnabled) toast.error(`Could not disable: ${error.message}`);
    },
    onSuccess: ({ isEnabled }) => toast.success(isEnabled ? "Webhook enabled" : "Webhook disabled"),
  });
  const remove = useDeleteWebhook({ onError: (e) => toast.error(`Could not delete: ${e.message}`), onSuccess: () => toast.success("Webhook deleted") });
  const rowCount = webhooks.data?.pages.reduce((n, page) => n + page.data.length, 0) ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the row count changes, after the deleted row left the DOM.
  useEffect(() => {
    if (focusAfterDelete === null) return;
    const links = listRef.current?.querySelectorAll<HTMLElement>("[data-row-link]") ?? [];
    const next = links[Math.min(focusAfterDelete, links.length - 1)] ?? document.querySelector<HTMLElement>('main a[href="/settings/webhooks/new"]');
    next?.focus();
    setFocusAfterDelete(null);
  }, [rowCount]);

  if (webhooks.isPending) return <p className="text-sm text-gray-500">Loading webhooks…</p>;
  if (webhooks.error) return <ErrorAlert>Could not load webhooks: {webhooks.error.message}</ErrorAlert>;
  const rows = webhooks.data.pages.flatMap((page) => page.data);
  if (rows.length === 0) {
    return (
      <EmptyState icon={<WebhookIcon width={24} height={24} />} title="No webhooks yet" action={<NewWebhookLink />}>
        A webhook points a URL at the events and projects you choose. New webhooks start disabled; enabling one first tests its URL.
      </EmptyState>
    );
  }
  return (
    <>
      <ul ref={listRef} className="divide-y divide-gray-200 rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
        {rows.map((w) => (
          <WebhookRow
            key={w.id}
            webhook={w}
            projects={projects.data}
            toggleError={toggleErrors[w.id]}
            isTesting={testing.has(w.id)}
            onToggle={(isEnabled) => {
              setToggleErrors(({ [w.id]: _gone, ...rest }) => rest);
              toggle.mutate({ id: w.id, isEnabled });
            }}
            onDelete={() => setDeleting(w)}
          />
        ))}
      </ul>
      {webhooks.hasNextPage ? (
        <div className="mt-3 flex items-center justify-between gap-3 text-sm text-gray-600">
          <span>Showing the newest {rows.length} webhooks.</span>
          <Button variant="secondary" disabled={webhooks.isFetchingNextPage} onClick={() => void webhooks.fetchNextPage()}>
            {webhooks.isFetchingNextPage ? "Loading…" : "Show more"}
          </Button>
        </div>
      ) : null}
      <ConfirmDialog
        isOpen={deleting !== null}
        title="Delete this webhook?"
        confirmLabel="Delete"
        isDanger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) {
            setFocusAfterDelete(rows.findIndex((w) => w.id === deleting.id));
            remove.mutate(deleting.id);
          }
          setDeleting(null);
        }}
      >
        <span className="font-mono break-all">{deleting?.url}</span> will stop receiving events. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
