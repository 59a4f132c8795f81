"use client";

import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { Switch } from "@/components/ui/switch";
import { useTestWebhook } from "@/lib/queries/use-test-webhook";
import { unicodeHostOf } from "@/lib/validation/display-host";
import type { TProject } from "@/lib/validation/project";
import type { TWebhook } from "@/lib/validation/webhook";
import { EnableError } from "./enable-error";
import { RecentStats } from "./recent-stats";
import { StatusDot, TestingNote } from "./status-dot";
import { eventsSummary, projectsSummary, relativeTime } from "./summaries";
import { TestButton, TestOutcome } from "./test-button";

type Props = {
  webhook: TWebhook;
  projects: TProject[] | undefined;
  toggleError?: string;
  /** Its enable is being tested: neither on nor working yet. */
  isTesting?: boolean;
  onToggle: (isEnabled: boolean) => void;
  onDelete: () => void;
};

export function WebhookRow({ webhook, projects, toggleError, isTesting = false, onToggle, onDelete }: Props) {
  const test = useTestWebhook();
  // The stored (contacted) URL comes first; an IDN host's Unicode form is only a reading aid.
  const unicodeHost = unicodeHostOf(webhook.url);
  return (
    <li className="px-4 py-4 sm:px-5" data-testid="webhook-row" data-webhook-id={webhook.id}>
      <div className="flex items-start gap-4">
        <div className="min-w-0 flex-1">
          <div className="flex min-w-0 items-baseline gap-2">
            <Link
              href={`/settings/webhooks/${webhook.id}`}
              data-row-link
              className="truncate font-mono text-sm font-medium text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700"
              title={unicodeHost ? `${webhook.url} (${unicodeHost})` : webhook.url}
            >
              {webhook.url}
            </Link>
            {unicodeHost ? <span className="shrink-0 text-xs text-gray-500">({unicodeHost})</span> : null}
          </div>
          {webhook.description ? <p className="mt-0.5 truncate text-sm text-gray-600">{webhook.description}</p> : null}
          <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-xs text-gray-500">
            <div>
              <dt className="sr-only">Events</dt>
              <dd>{eventsSummary(webhook.events)}</dd>
            </div>
            <div>
              <dt className="sr-only">Projects</dt>
              <dd>{projectsSummary(webhook.projects, projects)}</dd>
            </div>
            <div>
              <dt className="inline">Last delivery: </dt>
              <dd className="inline">{relativeTime(webhook.lastDeliveryAt)}</dd>
            </div>
          </dl>
          <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1">
            {isTesting ? <TestingNote /> : <StatusDot webhook={webhook} />}
            <RecentStats stats={webhook.last24h} />
          </div>
          <EnableError webhook={webhook} justNow={toggleError} />
        </div>
        <Switch isOn={webhook.enabled} isBusy={isTesting} label={`Enabled: ${webhook.url}`} onChange={onToggle} />
      </div>
      <div className="mt-3 flex flex-wrap items-start gap-2">
        <TestButton test={test} getTarget={() => ({ id: webhook.id })} />
        <Link href={`/settings/webhooks/${webhook.id}/edit`} className={buttonClass("secondary")} aria-label={`Edit ${webhook.url}`}>
          Edit
        </Link>
        <Button variant="ghost" className="text-red-700 hover:bg-red-50 hover:text-red-800" onClick={onDelete} aria-label={`Delete ${webhook.url}`}>
          Delete
        </Button>
      </div>
      {/* A failed enable is the one message: an earlier test's green "Test delivered" would contradict it. */}
      {toggleError ? null : <TestOutcome test={test} savedUrl={webhook.url} onEnable={webhook.enabled || isTesting ? undefined : () => onToggle(true)} />}
    </li>
  );
}
