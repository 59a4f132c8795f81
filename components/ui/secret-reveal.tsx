import { CopyButton } from "./copy-button";

/** A secret shown once (new API key, new webhook token): read-only, selectable, with a copy button. */
export function SecretReveal({ label, value, tone = "neutral" }: { label: string; value: string; tone?: "neutral" | "success" }) {
  return (
    <div className="flex gap-2">
      <input
        readOnly
        value={value}
        aria-label={label}
        className={`block w-full rounded-md border-0 px-3 py-2 font-mono text-sm ring-1 ring-inset ${tone === "success" ? "bg-white ring-green-300" : "bg-gray-50 ring-gray-300"}`}
      />
      <CopyButton value={value} />
    </div>
  );
}
