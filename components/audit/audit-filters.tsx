"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FILTER_INPUT, FilterSelect, TimeFilter } from "@/components/ui/filter-fields";
import type { TAuditFilters } from "@/lib/client/audit-api";
import { AUDIT_ACTION_LABELS } from "@/lib/validation/audit";

const ACTIONS = Object.entries(AUDIT_ACTION_LABELS) as [string, string][];

/** A text filter applied when the field is left or Enter is pressed, not at every key. */
function TextFilter({
  label,
  placeholder,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  value: string | undefined;
  onChange: (v: string | undefined) => void;
}) {
  const [typed, setTyped] = useState(value ?? "");
  // Cleared from outside ("Clear filters"): show it.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setTyped(value ?? "");
  }
  const apply = () => onChange(typed.trim() || undefined);
  return (
    <label className="text-xs font-medium text-gray-600">
      {label}
      <input
        className={`${FILTER_INPUT} mt-1 block w-52 pr-2`}
        placeholder={placeholder}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => e.key === "Enter" && apply()}
      />
    </label>
  );
}

/** The audit log's filters: actor, action, target and time. */
export function AuditFilters({ values, onChange }: { values: TAuditFilters; onChange: (next: TAuditFilters) => void }) {
  const set = (key: keyof TAuditFilters) => (value: string | undefined) => onChange({ ...values, [key]: value });
  const isFiltered = Object.values(values).some(Boolean);
  return (
    <fieldset className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-gray-200">
      <legend className="sr-only">Filters</legend>
      <FilterSelect label="Action" anyLabel="All actions" value={values.action} onChange={set("action")} options={ACTIONS} className="max-w-56" />
      <TextFilter label="Who" placeholder="email, key name or id" value={values.actor} onChange={set("actor")} />
      <TextFilter label="Target id" placeholder="a webhook's id…" value={values.target} onChange={set("target")} />
      <TimeFilter label="From" value={values.since} onChange={set("since")} />
      <TimeFilter label="Until" value={values.until} onChange={set("until")} />
      {isFiltered ? (
        <Button variant="ghost" onClick={() => onChange({})}>
          Clear filters
        </Button>
      ) : null}
    </fieldset>
  );
}
