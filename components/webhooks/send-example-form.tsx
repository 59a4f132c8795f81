"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import type { FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { deliveryKeys } from "@/lib/queries/keys";
import { useEventTypes } from "@/lib/queries/use-event-types";
import { useTestWebhook } from "@/lib/queries/use-test-webhook";
import type { TEventType } from "@/lib/validation/event-type";
import { EventTypeSelect, useEventTypeChoice } from "./event-type-select";
import { TestResult } from "./test-result";

const hasExample = (t: TEventType) => t.hasExample;

/**
 * "Send example": one of the webhook's event types' example data, signed like a real delivery, sent
 * now to the saved URL, recorded in the log as a test; the result shows here, linked to that delivery.
 * The types offered are the webhook's own (all types for a webhook of all events) that have an example.
 */
export function SendExampleForm({ webhookId, events, url }: { webhookId: string; events: string[]; url: string }) {
  const eventTypes = useEventTypes();
  const send = useTestWebhook();
  const queryClient = useQueryClient();
  const { options, event, setChosen } = useEventTypeChoice(eventTypes.data, events, hasExample);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // The example is in the log now: the page's log and stats show it without waiting for the live feed.
    if (event && !send.isPending) send.mutate({ id: webhookId, event }, { onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all }) });
  };
  if (eventTypes.isPending) return null;
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-label="Send an example">
      {options.length === 0 ? (
        <p className="text-sm text-gray-500">None of this webhook's event types has an example to send.</p>
      ) : (
        <>
          <EventTypeSelect
            label="Send an example of"
            options={options}
            value={event}
            onChange={(name) => {
              setChosen(name);
              send.reset();
            }}
          />
          <Button type="submit" variant="secondary" aria-disabled={send.isPending} className="aria-disabled:cursor-wait aria-disabled:opacity-60">
            {send.isPending ? "Sending…" : "Send example"}
          </Button>
        </>
      )}
      {send.data ? (
        <div className="w-full">
          <TestResult result={send.data} url={url} label={`Example of ${send.data.event}`}>
            {send.data.deliveryId ? (
              <Link href={`/settings/webhooks/deliveries/${send.data.deliveryId}`} className="mt-1 inline-block text-sm font-medium underline">
                Open it in the log
              </Link>
            ) : null}
          </TestResult>
        </div>
      ) : null}
      {send.error ? (
        <div className="w-full">
          <ErrorAlert>Could not send the example: {send.error.message}</ErrorAlert>
        </div>
      ) : null}
    </form>
  );
}
