import { type ReactNode, type TextareaHTMLAttributes, useId } from "react";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: ReactNode; error?: string };

/**
 * A labelled textarea (monospace: what goes in one is a list or JSON) with a hint under its label;
 * the hint and the error, when there is one, describe it (aria-describedby), as TextField's error does.
 */
export function TextAreaField({ label, hint, error, id, className = "", ...rest }: Props) {
  const fallbackId = useId();
  const fieldId = id ?? fallbackId;
  const describedBy = [hint ? `${fieldId}-hint` : "", error ? `${fieldId}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={className}>
      <label htmlFor={fieldId} className="block text-sm font-medium text-gray-900">
        {label}
      </label>
      {hint ? (
        <p id={`${fieldId}-hint`} className="mt-1 text-sm text-gray-600">
          {hint}
        </p>
      ) : null}
      <textarea
        id={fieldId}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={`mt-1.5 block w-full rounded-md border-0 px-3 py-2 font-mono text-sm text-gray-900 shadow-sm ring-1 ring-inset placeholder:text-gray-400 focus:ring-2 focus:ring-brand-500 focus:outline-none ${error ? "ring-red-400" : "ring-gray-300"}`}
        {...rest}
      />
      {error ? (
        <p id={`${fieldId}-error`} className="mt-1.5 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
