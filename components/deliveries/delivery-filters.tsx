"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FILTER_INPUT, FilterSelect, TimeFilter } from "@/components/ui/filter-fields";
import { STATUS_CLASSES, STATUS_FILTERS } from "@/lib/validation/delivery";
import { ERROR_CLASS_LABELS, ERROR_CLASSES } from "@/lib/validation/error-class";
import type { TEventType } from "@/lib/validation/event-type";
import type { TWebhook } from "@/lib/validation/webhook";

/** The log's filters, kept in the page's URL under these names (the API's own query names). */
export const FILTER_KEYS = ["webhookId", "event", "status", "statusClass", "statusCode", "errorClass", "since", "until"] as const;
export type TFilterKey = (typeof FILTER_KEYS)[number];
export type TFilterValues = Partial<Record<TFilterKey, string>>;

/** An exact HTTP status: applied once it is three digits (or cleared), so typing "50" does not filter by 50. */
function StatusCodeInput({ value, onChange }: { value: string | undefined; onChange: (value: string | undefined) => void }) {
  const [typed, setTyped] = useState(value ?? "");
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setTyped(value ?? "");
  }
  return (
    <label className="text-xs font-medium text-gray-600">
      Exact code
      <input
        inputMode="numeric"
        maxLength={3}
        placeholder="e.g. 503"
        className={`${FILTER_INPUT} mt-1 block w-24 pr-2`}
        value={typed}
        onChange={(e) => {
          const next = e.target.value.replace(/\D/g, "");
          setTyped(next);
          if (next === "" || /^[1-5]\d\d$/.test(next)) onChange(next || undefined);
        }}
      />
    </label>
  );
}

type Props = {
  values: TFilterValues;
  setFilter: (key: TFilterKey, value: string | undefined) => void;
  clear: () => void;
  eventTypes: TEventType[];
  /** Absent on a webhook's own page, where the log is that webhook's. */
  webhooks?: TWebhook[];
};

/**
 * The log's filters. On a phone they would fill the first screen, so there they fold behind a
 * "Filters (n)" button (n: how many apply), closed until asked for.
 */
export function DeliveryFilters({ values, setFilter, clear, eventTypes, webhooks }: Props) {
  const applied = FILTER_KEYS.filter((k) => values[k] && !(k === "webhookId" && !webhooks)).length;
  const isFiltered = applied > 0;
  const [isOpen, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div>
      <Button variant="secondary" className="sm:hidden" aria-expanded={isOpen} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        Filters{applied ? ` (${applied})` : ""} {isOpen ? "▴" : "▾"}
      </Button>
      <fieldset
        id={panelId}
        className={`flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-gray-200 ${isOpen ? "max-sm:mt-3" : "max-sm:hidden"}`}
      >
        <legend className="sr-only">Filters</legend>
        {webhooks ? (
          <FilterSelect
            label="Webhook"
            anyLabel="All webhooks"
            value={values.webhookId}
            onChange={(v) => setFilter("webhookId", v)}
            options={webhooks.map((w) => [w.id, w.description ? `${w.description} (${w.url})` : w.url])}
            className="max-w-56"
          />
        ) : null}
        <FilterSelect
          label="Event"
          anyLabel="All events"
          value={values.event}
          onChange={(v) => setFilter("event", v)}
          options={eventTypes.map((e) => [e.name, e.name])}
          className="max-w-48"
        />
        <FilterSelect
          label="Status"
          anyLabel="Any"
          value={values.status}
          onChange={(v) => setFilter("status", v)}
          options={STATUS_FILTERS.map((st) => [st, st.replace("_", " ")])}
        />
        <FilterSelect
          label="HTTP status"
          anyLabel="Any"
          value={values.statusClass}
          onChange={(v) => setFilter("statusClass", v)}
          options={STATUS_CLASSES.map((c) => [c, c === "none" ? "no answer" : c])}
        />
        <StatusCodeInput value={values.statusCode} onChange={(v) => setFilter("statusCode", v)} />
        <FilterSelect
          label="Error"
          anyLabel="Any"
          value={values.errorClass}
          onChange={(v) => setFilter("errorClass", v)}
          options={ERROR_CLASSES.map((c) => [c, ERROR_CLASS_LABELS[c]])}
        />
        <TimeFilter label="From" value={values.since} onChange={(v) => setFilter("since", v)} />
        <TimeFilter label="Until" value={values.until} onChange={(v) => setFilter("until", v)} />
        {isFiltered ? (
          <Button variant="ghost" onClick={clear}>
            Clear filters
          </Button>
        ) : null}
      </fieldset>
    </div>
  );
}
