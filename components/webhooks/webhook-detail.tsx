"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Suspense, useState } from "react";
import { DeliveryLog } from "@/components/deliveries/delivery-log";
import { ErrorAlert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Switch } from "@/components/ui/switch";
import { useToast } from "@/components/ui/toast";
import { useDeleteWebhook } from "@/lib/queries/use-delete-webhook";
import { useProjects } from "@/lib/queries/use-projects";
import { useTestWebhook } from "@/lib/queries/use-test-webhook";
import { useToggleWebhook } from "@/lib/queries/use-toggle-webhook";
import { useWebhook } from "@/lib/queries/use-webhook";
import { unicodeHostOf } from "@/lib/validation/display-host";
import { SIGNATURE_FAMILY_LABELS } from "@/lib/validation/signature-family";
import { EnableError } from "./enable-error";
import { HealthChart } from "./health-chart";
import { QueueSummary } from "./queue-summary";
import { RecentStats } from "./recent-stats";
import { recoveryText } from "./recovery-summary";
import { ReplayForm } from "./replay-form";
import { SendExampleForm } from "./send-example-form";
import { StatusDot, TestingNote } from "./status-dot";
import { eventsSummary, projectsSummary, relativeTime } from "./summaries";
import { TestButton, TestOutcome } from "./test-button";
import { VerificationSnippets } from "./verification-snippets";

export function WebhookDetail({ id, retentionDays }: { id: string; retentionDays: number }) {
  const webhook = useWebhook(id);
  const projects = useProjects();
  const test = useTestWebhook();
  const toast = useToast();
  const router = useRouter();
  const [isDeleting, setDeleting] = useState(false);
  const remove = useDeleteWebhook({
    onSuccess: () => {
      toast.success("Webhook deleted");
      router.push("/settings/webhooks");
    },
    onError: (e) => toast.error(`Could not delete: ${e.message}`),
  });
  const toggle = useToggleWebhook({
    onSuccess: ({ isEnabled }) => toast.success(isEnabled ? "Webhook enabled" : "Webhook disabled"),
    // A failed enable says so once, under the switch (EnableError); a failed disable has no such line.
    onError: (error, { isEnabled }) => (isEnabled ? undefined : toast.error(`Could not disable: ${error.message}`)),
  });
  if (webhook.isPending) return <p className="text-sm text-gray-500">Loading…</p>;
  if (webhook.error) return <ErrorAlert>Could not load the webhook: {webhook.error.message}</ErrorAlert>;
  const w = webhook.data;
  const deleteDialog = (
    <ConfirmDialog
      isOpen={isDeleting}
      title="Delete this webhook?"
      confirmLabel="Delete"
      isDanger
      onCancel={() => setDeleting(false)}
      onConfirm={() => {
        setDeleting(false);
        remove.mutate(w.id);
      }}
    >
      <span className="font-mono break-all">{w.url}</span> will stop receiving events, and its delivery log goes with it. This cannot be undone.
    </ConfirmDialog>
  );
  const isTesting = toggle.isPending && toggle.variables.isEnabled;
  const enableErrorNow = toggle.isError && toggle.variables?.isEnabled ? toggle.error.message : undefined;
  // The stored (contacted) URL comes first; an IDN host's Unicode form is only a reading aid.
  const unicodeHost = unicodeHostOf(w.url);
  return (
    <div className="space-y-6">
      <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <p className="font-mono text-sm font-medium break-all text-gray-900">
              {w.url}
              {unicodeHost ? <span className="ml-2 font-sans text-xs font-normal text-gray-500">({unicodeHost})</span> : null}
            </p>
            {w.description ? <p className="mt-0.5 text-sm text-gray-600">{w.description}</p> : null}
            <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1">
              <Switch
                isOn={toggle.isPending && !toggle.variables.isEnabled ? false : w.enabled}
                isBusy={isTesting}
                label={`Enabled: ${w.url}`}
                onChange={(isEnabled) => toggle.mutate({ id: w.id, isEnabled })}
              />
              {isTesting ? <TestingNote /> : <StatusDot webhook={w} />}
              <RecentStats stats={w.last24h} />
            </div>
            <EnableError webhook={w} justNow={enableErrorNow} />
            <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-gray-500">Events</dt>
              <dd>{eventsSummary(w.events)}</dd>
              <dt className="text-gray-500">Projects</dt>
              <dd>{projectsSummary(w.projects, projects.data)}</dd>
              <dt className="text-gray-500">Basic auth</dt>
              <dd>{w.httpUser ? `${w.httpUser} (password ${w.hasHttpPassword ? "set" : "empty"})` : "none"}</dd>
              <dt className="text-gray-500">Signatures</dt>
              <dd data-testid="signature-families">{w.signatureFamilies.map((f) => SIGNATURE_FAMILY_LABELS[f].label).join(", ")}</dd>
              <dt className="text-gray-500">Last delivery</dt>
              <dd>{relativeTime(w.lastDeliveryAt)}</dd>
              <dt className="text-gray-500">Limits</dt>
              <dd>
                {w.maxInFlight.toLocaleString()} in flight
                {w.rateLimitPerSecond === null ? ", no rate limit" : `, ${w.rateLimitPerSecond.toLocaleString()} per second`}
              </dd>
              {w.previousTokenExpiresAt ? (
                <>
                  <dt className="text-gray-500">Old token</dt>
                  <dd data-testid="previous-token">Also signs until {new Date(w.previousTokenExpiresAt).toLocaleString()} (rotated)</dd>
                </>
              ) : null}
              {w.headers.length ? (
                <>
                  <dt className="text-gray-500">Headers</dt>
                  <dd className="font-mono text-xs break-all" data-testid="webhook-headers">
                    {w.headers.map((h) => `${h.name}: ${h.isSecret ? "•••••• (secret)" : h.value}`).join(" · ")}
                  </dd>
                </>
              ) : null}
              <dt className="text-gray-500">Filter</dt>
              <dd className={w.filter ? "font-mono text-xs break-all" : undefined} data-testid="webhook-filter">
                {w.filter ? JSON.stringify(w.filter) : "none: every event of its types"}
              </dd>
              <dt className="text-gray-500">Order</dt>
              <dd data-testid="webhook-order">{w.ordered ? (w.orderingKey ? `in order per ${w.orderingKey}` : "in order") : "not kept (fastest)"}</dd>
              <dt className="text-gray-500">Recovery</dt>
              <dd data-testid="webhook-recovery">{recoveryText(w)}</dd>
              <dt className="text-gray-500">Queue</dt>
              <QueueSummary webhookId={w.id} />
            </dl>
          </div>
          <div className="flex gap-2">
            <TestButton test={test} getTarget={() => ({ id })} />
            <Link href={`/settings/webhooks/${w.id}/edit`} className={buttonClass("secondary")}>
              Edit
            </Link>
            <Button variant="ghost" className="text-red-700 hover:bg-red-50 hover:text-red-800" onClick={() => setDeleting(true)}>
              Delete
            </Button>
          </div>
        </div>
        {enableErrorNow ? null : (
          <TestOutcome test={test} savedUrl={w.url} onEnable={w.enabled || isTesting ? undefined : () => toggle.mutate({ id: w.id, isEnabled: true })} />
        )}
        <div className="mt-5 space-y-4 border-t border-gray-200 pt-4">
          <SendExampleForm webhookId={w.id} events={w.events} url={w.url} />
          <ReplayForm webhookId={w.id} isEnabled={w.enabled} />
        </div>
      </section>
      <HealthChart webhookId={w.id} isEnabled={w.enabled} />
      <section aria-labelledby="log-title">
        <h2 id="log-title" className="mb-3 text-base font-semibold text-gray-900">
          Deliveries <span className="text-sm font-normal text-gray-500">(kept for {retentionDays} days)</span>
        </h2>
        <Suspense>
          <DeliveryLog fixedWebhookId={w.id} />
        </Suspense>
      </section>
      <VerificationSnippets families={w.signatureFamilies} />
      {deleteDialog}
    </div>
  );
}
