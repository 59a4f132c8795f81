"use client";

import { fromLocalInput, toLocalInput } from "@/lib/client/local-time";

// The fields of a log's filters (the delivery log, the audit log): compact, labelled, one look.

/** A filter input's classes (a select, or a text or time input beside one). */
export const FILTER_INPUT = "h-9 rounded-md border-0 py-1.5 pr-8 pl-2 text-sm ring-1 ring-gray-300 ring-inset focus:ring-2 focus:ring-brand-500";

export type TFilterSelect = {
  label: string;
  anyLabel: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  options: [string, string][];
  className?: string;
};

export function FilterSelect({ label, anyLabel, value, onChange, options, className = "" }: TFilterSelect) {
  return (
    <label className="text-xs font-medium text-gray-600">
      {label}
      <select className={`${FILTER_INPUT} mt-1 block ${className}`} value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{anyLabel}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A point in time, typed in the viewer's zone and kept in the URL as an ISO instant. */
export function TimeFilter({ label, value, onChange }: { label: string; value: string | undefined; onChange: (value: string | undefined) => void }) {
  return (
    <label className="text-xs font-medium text-gray-600">
      {label}
      <input
        type="datetime-local"
        className={`${FILTER_INPUT} mt-1 block pr-2`}
        value={toLocalInput(value)}
        onChange={(e) => onChange(fromLocalInput(e.target.value))}
      />
    </label>
  );
}
