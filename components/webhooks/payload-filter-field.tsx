"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { useTryFilter } from "@/lib/queries/use-try-filter";
import type { TEventType } from "@/lib/validation/event-type";
import { EventTypeSelect, useEventTypeChoice } from "./event-type-select";

/** The filter as the API takes it: empty is none; JSON is parsed (what is not JSON goes as text, for the schema to refuse by name). */
export function filterPayload(text: string): unknown {
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const filterTextOf = (filter: Record<string, unknown> | null | undefined) => (filter ? JSON.stringify(filter, null, 2) : "");

type Props = { value: string; onChange: (text: string) => void; error?: string; eventTypes: TEventType[]; events: string[] };

const box = "block w-full rounded-md border-0 px-3 py-2 font-mono text-xs text-gray-900 shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-brand-500";

/**
 * The payload filter (lib/validation/payload-filter.ts) as JSON, with "Try it": the filter run, by the
 * server, on one of the webhook's event types' example or on data pasted in its place.
 */
export function PayloadFilterField({ value, onChange, error, eventTypes, events }: Props) {
  const attempt = useTryFilter();
  const { options, event, setChosen } = useEventTypeChoice(eventTypes, events);
  const [pasted, setPasted] = useState("");
  const [pasteError, setPasteError] = useState<string | null>(null);
  const tryIt = () => {
    setPasteError(null);
    let data: unknown;
    if (pasted.trim() !== "") {
      try {
        data = JSON.parse(pasted);
      } catch {
        setPasteError("The pasted data is not JSON");
        return;
      }
    }
    attempt.mutate({ filter: filterPayload(value) as Record<string, unknown>, event, ...(data !== undefined ? { data } : {}) });
  };
  const tryError = attempt.error?.message;
  return (
    <div>
      <TextAreaField
        label="Payload filter (optional)"
        hint={
          <>
            Only events whose envelope matches create a delivery for this webhook; the others leave no trace in its log. JSON, such as{" "}
            <code className="rounded bg-gray-100 px-1 font-mono text-xs">{'{ "data.amount": { "$gt": 1000 } }'}</code>: paths from id, event, timestamp,
            projectId or data; $eq $ne $in $nin $exists $gt $gte $lt $lte, and $and $or $not.
          </>
        }
        error={error}
        name="filter"
        rows={4}
        placeholder="No filter: every event of the chosen types"
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          attempt.reset();
        }}
      />
      {value.trim() !== "" && options.length > 0 ? (
        <div className="mt-3 rounded-lg bg-gray-50 p-3 ring-1 ring-gray-200" data-testid="filter-try">
          <div className="flex flex-wrap items-end gap-2">
            <EventTypeSelect
              label="Try it on an example of"
              options={options}
              value={event}
              onChange={(name) => {
                setChosen(name);
                attempt.reset();
              }}
            />
            <Button variant="secondary" onClick={tryIt} aria-disabled={attempt.isPending} className="aria-disabled:cursor-wait aria-disabled:opacity-60">
              {attempt.isPending ? "Trying…" : "Try it"}
            </Button>
          </div>
          <label className="mt-2 block text-xs font-medium text-gray-600">
            Or paste the data to try it on (optional)
            <textarea rows={3} spellCheck={false} className={`mt-1 ${box} ring-gray-300`} value={pasted} onChange={(e) => setPasted(e.target.value)} />
          </label>
          <div aria-live="polite">
            {pasteError ? <p className="mt-2 text-sm text-red-600">{pasteError}</p> : null}
            {attempt.data ? (
              <p className={`mt-2 text-sm font-medium ${attempt.data.matches ? "text-green-800" : "text-amber-800"}`} data-testid="filter-try-result">
                {attempt.data.matches
                  ? `Matches: this ${event} would be delivered to this webhook.`
                  : `Does not match: this ${event} would create no delivery for this webhook.`}
              </p>
            ) : null}
            {tryError ? <p className="mt-2 text-sm text-red-600">{tryError}</p> : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
