"use client";

import { useId, useMemo, useState } from "react";
import { SearchInput } from "@/components/ui/search-input";
import { EventTypePreview } from "@/components/webhooks/event-type-preview";
import type { TEventType } from "@/lib/validation/event-type";
import { ALL_EVENTS } from "@/lib/validation/webhook";

type Props = { eventTypes: TEventType[]; value: string[]; onChange: (next: string[]) => void; error?: string };

function GroupCheckbox({ label, names, selected, onToggle }: { label: string; names: string[]; selected: Set<string>; onToggle: (all: boolean) => void }) {
  const count = names.filter((n) => selected.has(n)).length;
  return (
    <label className="flex items-center gap-2 text-xs font-medium text-brand-700">
      <input
        type="checkbox"
        className="h-4 w-4 rounded border-gray-300"
        checked={count === names.length && count > 0}
        ref={(el) => {
          if (el) el.indeterminate = count > 0 && count < names.length;
        }}
        onChange={(e) => onToggle(e.target.checked)}
        aria-label={`Select all ${label} events`}
      />
      Select all
    </label>
  );
}

/** Events grouped by catalog group, searchable, with descriptions, per-group select-all and "all events". */
export function EventsPicker({ eventTypes, value, onChange, error }: Props) {
  const [search, setSearch] = useState("");
  const [previewed, setPreviewed] = useState<string | null>(null);
  const searchId = useId();
  const isAll = value.includes(ALL_EVENTS);
  const selected = useMemo(() => new Set(value), [value]);
  const groups = useMemo(() => {
    const q = search.trim().toLowerCase();
    const map = new Map<string, TEventType[]>();
    for (const e of eventTypes) {
      if (q && !e.name.toLowerCase().includes(q) && !e.description.toLowerCase().includes(q) && !e.group.toLowerCase().includes(q)) continue;
      map.set(e.group, [...(map.get(e.group) ?? []), e]);
    }
    return [...map.entries()];
  }, [eventTypes, search]);

  const setMany = (names: string[], isOn: boolean) => {
    const next = new Set(value.filter((v) => v !== ALL_EVENTS));
    for (const n of names) isOn ? next.add(n) : next.delete(n);
    onChange([...next]);
  };

  return (
    // min-w-0: a fieldset is at least as wide as its content by default, and an example's long lines would widen the page.
    <fieldset className="min-w-0" aria-describedby={error ? `${searchId}-error` : undefined} data-invalid={error ? "true" : undefined}>
      <legend className="text-sm font-medium text-gray-900">Events</legend>
      <p className="mt-0.5 text-sm text-gray-500">Which events this webhook receives.</p>
      <label className="mt-3 flex items-center gap-2 text-sm font-medium text-gray-900">
        <input type="checkbox" className="h-4 w-4 rounded border-gray-300" checked={isAll} onChange={(e) => onChange(e.target.checked ? [ALL_EVENTS] : [])} />
        All events, including event types added later
      </label>
      {!isAll ? (
        <div className="mt-3 rounded-lg ring-1 ring-gray-200">
          <div className="flex items-center justify-between gap-3 border-b border-gray-200 px-3 py-2">
            <SearchInput id={searchId} label="Search events" value={search} onChange={setSearch} />
            <span className="shrink-0 text-xs text-gray-500">{value.length} selected</span>
          </div>
          {value.length ? (
            <ul aria-label="Selected events" className="flex flex-wrap gap-1.5 border-b border-gray-200 px-3 py-2">
              {value.map((name) => (
                <li key={name}>
                  <button
                    type="button"
                    onClick={() => setMany([name], false)}
                    aria-label={`Remove ${name}`}
                    className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-2 py-0.5 font-mono text-xs text-brand-700 hover:bg-brand-100"
                  >
                    {name}
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {previewed ? <EventTypePreview name={previewed} onClose={() => setPreviewed(null)} /> : null}
          <div className="max-h-80 overflow-y-auto px-3 py-2">
            {groups.length === 0 ? <p className="py-4 text-center text-sm text-gray-500">No event matches “{search}”.</p> : null}
            {groups.map(([group, events]) => (
              <fieldset key={group} className="py-2">
                {/* The legend must be the fieldset's first child to name the group for screen readers. */}
                <legend className="float-left text-xs font-semibold tracking-wide text-gray-500 uppercase">{group}</legend>
                <div className="flex justify-end">
                  <GroupCheckbox
                    label={group}
                    names={events.map((e) => e.name)}
                    selected={selected}
                    onToggle={(on) =>
                      setMany(
                        events.map((e) => e.name),
                        on,
                      )
                    }
                  />
                </div>
                <ul className="mt-1 grid clear-both gap-x-4 sm:grid-cols-2">
                  {events.map((e) => (
                    <li key={e.name} className="flex items-start gap-1">
                      <label className="flex min-w-0 flex-1 gap-2 rounded px-1 py-1.5 hover:bg-gray-50">
                        <input
                          type="checkbox"
                          className="mt-0.5 h-4 w-4 shrink-0 rounded border-gray-300"
                          checked={selected.has(e.name)}
                          onChange={(ev) => setMany([e.name], ev.target.checked)}
                        />
                        <span className="min-w-0">
                          <span className="block font-mono text-xs break-all text-gray-900">{e.name}</span>
                          <span className="block text-xs text-gray-500">{e.description}</span>
                        </span>
                      </label>
                      {e.hasExample || e.hasSchema ? (
                        <button
                          type="button"
                          onClick={() => setPreviewed(previewed === e.name ? null : e.name)}
                          aria-label={`Example of ${e.name}`}
                          aria-pressed={previewed === e.name}
                          className="mt-1 shrink-0 rounded px-1.5 py-0.5 text-xs font-medium text-brand-700 hover:bg-brand-50"
                        >
                          Example
                        </button>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </fieldset>
            ))}
          </div>
        </div>
      ) : null}
      {error ? (
        <p id={`${searchId}-error`} className="mt-1.5 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
