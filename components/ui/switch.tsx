"use client";

type Props = {
  isOn: boolean;
  label: string;
  onChange: (next: boolean) => void;
  isDisabled?: boolean;
  /** Waiting for the server to say whether it may go on (enabling tests the URL first): neither on nor off. */
  isBusy?: boolean;
};

/** A labelled on/off switch (role=switch), operable with Space and Enter like a button. */
export function Switch({ isOn, label, onChange, isDisabled = false, isBusy = false }: Props) {
  const track = isBusy ? "bg-gray-300" : isOn ? "bg-brand-600" : "bg-gray-300";
  const knob = isBusy ? "translate-x-3" : isOn ? "translate-x-5.5" : "translate-x-0.5";
  return (
    <button
      type="button"
      role="switch"
      aria-checked={isOn && !isBusy}
      aria-busy={isBusy || undefined}
      aria-label={label}
      disabled={isDisabled || isBusy}
      onClick={() => onChange(!isOn)}
      className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors disabled:opacity-50 ${isBusy ? "disabled:opacity-100" : ""} ${track}`}
    >
      <span aria-hidden="true" className={`inline-flex h-5 w-5 items-center justify-center rounded-full bg-white shadow transition-transform ${knob}`}>
        {isBusy ? <span className="h-3 w-3 animate-spin rounded-full border-2 border-gray-300 border-t-brand-600" /> : null}
      </span>
    </button>
  );
}
