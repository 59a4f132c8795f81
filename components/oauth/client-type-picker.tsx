import { useId } from "react";
import type { TOAuthClientType } from "@/lib/validation/oauth";

const CHOICES: { value: TOAuthClientType; label: string; description: string }[] = [
  {
    value: "confidential",
    label: "Confidential",
    description: "A server that keeps a client secret. It sends the secret with every token request; it may use client credentials.",
  },
  {
    value: "public",
    label: "Public",
    description: "A native or command-line app, which cannot keep a secret: no secret, PKCE only, redirect URIs on this device or the app's own scheme.",
  },
];

type Props = { value: TOAuthClientType; onChange: (value: TOAuthClientType) => void; error?: string };

/** Confidential or public client (RFC 6749 §2.1): what the application can keep secret decides how it authenticates. */
export function ClientTypePicker({ value, onChange, error }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} tabIndex={error ? -1 : undefined}>
      <legend className="text-sm font-medium text-gray-900">Client type</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {CHOICES.map((choice) => (
          <label key={choice.value} className="flex items-start gap-2 rounded-md p-1.5 text-sm hover:bg-gray-50">
            <input
              type="radio"
              name="clientType"
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              // Named by its label alone; the description is read after it, not as part of the name.
              aria-labelledby={`${id}-${choice.value}`}
              aria-describedby={`${id}-${choice.value}-description`}
              className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600"
            />
            <span>
              <span id={`${id}-${choice.value}`} className="font-semibold text-gray-900">
                {choice.label}
              </span>
              <span id={`${id}-${choice.value}-description`} className="block text-xs text-gray-600">
                {choice.description}
              </span>
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="mt-1.5 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
