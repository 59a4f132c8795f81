"use client";

type Props = { isOn: boolean; label: string; onChange: (next: boolean) => void; isDisabled?: boolean };

/** A labelled on/off switch (role=switch), operable with Space and Enter like a button. */
export function Switch({ isOn, label, onChange, isDisabled = false }: Props) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={isOn}
      aria-label={label}
      disabled={isDisabled}
      onClick={() => onChange(!isOn)}
      className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors disabled:opacity-50 ${isOn ? "bg-brand-600" : "bg-gray-300"}`}
    >
      <span
        aria-hidden="true"
        className={`inline-block h-5 w-5 rounded-full bg-white shadow transition-transform ${isOn ? "translate-x-5.5" : "translate-x-0.5"}`}
      />
    </button>
  );
}
