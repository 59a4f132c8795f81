import { useId } from "react";
import { SCOPE_DESCRIPTIONS, SCOPES, type TScope } from "@/lib/validation/scopes";

type Props = { legend: string; value: TScope[]; onChange: (scopes: TScope[]) => void; error?: string; offered?: readonly TScope[] };

/** Checkboxes for credential scopes (API keys, OAuth applications), each with what it allows. */
export function ScopesPicker({ legend, value, onChange, error, offered = SCOPES }: Props) {
  const errorId = `${useId()}-error`;
  const toggle = (scope: TScope, isOn: boolean) => onChange(SCOPES.filter((s) => (s === scope ? isOn : value.includes(s))));
  return (
    <fieldset aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} tabIndex={error ? -1 : undefined}>
      <legend className="text-sm font-medium text-gray-900">{legend}</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {offered.map((scope) => (
          <label key={scope} className="flex items-start gap-2 rounded-md p-1.5 text-sm hover:bg-gray-50">
            <input
              type="checkbox"
              name="scopes"
              value={scope}
              className="mt-0.5 h-4 w-4 shrink-0 rounded border-gray-300"
              checked={value.includes(scope)}
              onChange={(e) => toggle(scope, e.target.checked)}
            />
            <span>
              <code className="font-mono text-xs font-semibold text-gray-900">{scope}</code>
              <span className="block text-xs text-gray-600">{SCOPE_DESCRIPTIONS[scope]}</span>
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
