"use client";

import { useId } from "react";
import { SIGNATURE_FAMILIES, SIGNATURE_FAMILY_LABELS, type TSignatureFamily } from "@/lib/validation/signature-family";

type Props = { value: readonly TSignatureFamily[]; onChange: (families: TSignatureFamily[]) => void; error?: string };

/** Which signature headers each request carries (lib/delivery/sign-payload.ts); at least one. */
export function SignatureFamiliesFields({ value, onChange, error }: Props) {
  const id = useId();
  const toggle = (family: TSignatureFamily, isOn: boolean) =>
    // Kept in the list's order, as the server stores it, so an unchanged form sends an unchanged list.
    onChange(SIGNATURE_FAMILIES.filter((f) => (f === family ? isOn : value.includes(f))));
  return (
    <fieldset aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`} data-invalid={error ? "true" : undefined}>
      <legend className="text-sm font-medium text-gray-900">Signatures</legend>
      <p id={`${id}-hint`} className="mt-1 text-sm text-gray-600">
        Which signature headers each request carries, all made with the signing token. Keep the ones your receiver checks; at least one.
      </p>
      <div className="mt-3 grid gap-2">
        {SIGNATURE_FAMILIES.map((family) => (
          <label key={family} className="flex items-start gap-2 rounded-lg p-3 text-sm ring-1 ring-gray-200 hover:bg-gray-50">
            <input
              type="checkbox"
              name="signatureFamilies"
              value={family}
              className="mt-0.5 h-4 w-4 shrink-0 rounded border-gray-300"
              checked={value.includes(family)}
              onChange={(e) => toggle(family, e.target.checked)}
            />
            <span className="flex min-w-0 flex-col gap-x-3 sm:flex-row sm:items-baseline">
              <span className="font-medium text-gray-900 sm:w-40 sm:shrink-0">{SIGNATURE_FAMILY_LABELS[family].label}</span>
              {/* One header per unbroken run: a name split at its hyphens reads as two headers. */}
              <span className="flex min-w-0 flex-wrap gap-x-3 font-mono text-xs text-gray-500">
                {SIGNATURE_FAMILY_LABELS[family].headers.map((h) => (
                  <span key={h} className="break-all">
                    {h}
                  </span>
                ))}
              </span>
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="mt-1.5 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
