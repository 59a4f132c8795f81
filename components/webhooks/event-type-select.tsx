"use client";

import { useMemo, useState } from "react";
import type { TEventType } from "@/lib/validation/event-type";
import { ALL_EVENTS } from "@/lib/validation/webhook";

/**
 * Which of a webhook's event types to use (Send example, the filter's Try it): its own types (every
 * type for a webhook of all events, or none chosen yet) that pass `isOffered`; the choice, or the
 * first, as long as it stays among them.
 */
export function useEventTypeChoice(eventTypes: TEventType[] | undefined, events: string[], isOffered: (t: TEventType) => boolean = () => true) {
  const options = useMemo(() => {
    const offered = (eventTypes ?? []).filter(isOffered).map((t) => t.name);
    return events.includes(ALL_EVENTS) || events.length === 0 ? offered : offered.filter((n) => events.includes(n));
  }, [eventTypes, events, isOffered]);
  const [chosen, setChosen] = useState<string | null>(null);
  const event = chosen !== null && options.includes(chosen) ? chosen : (options[0] ?? "");
  return { options, event, setChosen };
}

/** A labelled select of event type names. */
export function EventTypeSelect({ label, options, value, onChange }: { label: string; options: string[]; value: string; onChange: (name: string) => void }) {
  return (
    <label className="min-w-0 text-xs font-medium text-gray-600">
      {label}
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="mt-1 block max-w-full rounded-md border-0 py-1.5 pr-8 pl-2 font-mono text-sm ring-1 ring-gray-300 ring-inset focus:ring-2 focus:ring-brand-500"
      >
        {options.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}
