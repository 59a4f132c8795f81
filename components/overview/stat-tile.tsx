import type { ReactNode } from "react";

const TONES = { plain: "text-gray-900", good: "text-green-700", warn: "text-amber-700", bad: "text-red-700" } as const;
export type TTone = keyof typeof TONES;

/** One number of the overview, with its label and a line of context. */
export function StatTile({ label, value, tone = "plain", children }: { label: string; value: string; tone?: TTone; children?: ReactNode }) {
  return (
    <div className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-gray-200">
      <dt className="text-xs font-medium text-gray-500">{label}</dt>
      <dd className={`mt-1 text-xl font-semibold tracking-tight tabular-nums sm:text-2xl ${TONES[tone]}`}>{value}</dd>
      {children ? <dd className="mt-1 text-xs text-gray-600">{children}</dd> : null}
    </div>
  );
}
