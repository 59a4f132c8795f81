"use client";

import { Button } from "@/components/ui/button";
import { CUSTOM_HEADERS_MAX, SECRET_MASK, type TCustomHeaderInput, type TCustomHeaderOut } from "@/lib/validation/custom-headers";

/** One header row as typed. `isKept`: a secret that is stored; an empty value keeps it. */
export type THeaderRow = { name: string; value: string; isSecret: boolean; isKept: boolean };

export const headerRowsOf = (headers: TCustomHeaderOut[] = []): THeaderRow[] =>
  headers.map((h) => ({ name: h.name, value: h.value ?? "", isSecret: h.isSecret, isKept: h.isSecret }));

/** The API's list: a kept secret left empty is sent without a value (the stored one stays). */
export const headersPayload = (rows: THeaderRow[]): TCustomHeaderInput[] =>
  rows.map((r) => ({ name: r.name, isSecret: r.isSecret, ...(r.isSecret && r.isKept && r.value === "" ? {} : { value: r.value }) }));

type Props = { rows: THeaderRow[]; onChange: (rows: THeaderRow[]) => void; error?: string };

const input = "block w-full rounded-md border-0 px-3 py-2 text-sm text-gray-900 shadow-sm ring-1 ring-gray-300 ring-inset focus:ring-2 focus:ring-brand-500";

/** Headers sent on every request to this webhook (an API key its gateway wants, a tenant id); secret values are kept encrypted and never shown again. */
export function CustomHeadersFields({ rows, onChange, error }: Props) {
  const change = (i: number, patch: Partial<THeaderRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="min-w-0" aria-describedby={error ? "headers-error" : undefined} data-invalid={error ? "true" : undefined}>
      <legend className="text-sm font-medium text-gray-900">Custom headers (optional)</legend>
      <p className="mt-1 text-sm text-gray-600">
        Sent on every request to this webhook. Mark a value secret to keep it encrypted: it is never shown again, and only goes to the saved URL.
      </p>
      {rows.length ? (
        <ul className="mt-3 space-y-3">
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; names can be edited or repeated while typed
            <li key={i} className="grid gap-2 rounded-lg p-3 ring-1 ring-gray-200 sm:grid-cols-[1fr_1.5fr_auto_auto] sm:items-center sm:p-2 sm:ring-0">
              <label className="min-w-0 text-xs font-medium text-gray-600 sm:sr-only" htmlFor={`header-name-${i}`}>
                Header {i + 1} name
              </label>
              <input
                id={`header-name-${i}`}
                className={`${input} font-mono`}
                placeholder="X-Api-Key"
                autoComplete="off"
                value={r.name}
                onChange={(e) => change(i, { name: e.target.value })}
              />
              <label className="min-w-0 text-xs font-medium text-gray-600 sm:sr-only" htmlFor={`header-value-${i}`}>
                Header {i + 1} value
              </label>
              <input
                id={`header-value-${i}`}
                className={`${input} font-mono`}
                type={r.isSecret ? "password" : "text"}
                autoComplete={r.isSecret ? "new-password" : "off"}
                placeholder={r.isSecret && r.isKept ? `${SECRET_MASK} (kept; type to replace)` : "value"}
                value={r.value}
                onChange={(e) => change(i, { value: e.target.value })}
              />
              <label className="flex items-center gap-1.5 text-sm text-gray-700">
                <input
                  type="checkbox"
                  className="h-4 w-4 rounded border-gray-300"
                  checked={r.isSecret}
                  // A stored secret turned plain needs its value typed: it was never sent to the browser.
                  onChange={(e) => change(i, { isSecret: e.target.checked, isKept: e.target.checked && r.isKept })}
                />
                Secret
              </label>
              <Button
                variant="ghost"
                className="justify-self-start text-red-700 hover:bg-red-50"
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
                aria-label={`Remove header ${r.name || i + 1}`}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {rows.length < CUSTOM_HEADERS_MAX ? (
        <Button variant="secondary" className="mt-3" onClick={() => onChange([...rows, { name: "", value: "", isSecret: false, isKept: false }])}>
          Add header
        </Button>
      ) : (
        <p className="mt-3 text-sm text-gray-600">At most {CUSTOM_HEADERS_MAX} headers.</p>
      )}
      {error ? (
        <p id="headers-error" className="mt-1.5 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
